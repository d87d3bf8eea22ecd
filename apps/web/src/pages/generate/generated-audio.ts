import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { fetchExport, type ExportSource } from '../../api/export.js';

export type GeneratedAudio =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly url: string }
  | { readonly state: 'failed' };

/**
 * The arrangement's audio for the player: its MusicXML uploaded to POST /export/audio (WAV, synthesised
 * by the server with the SoundFont, as Theory results are), played from a blob: URL released on change.
 */
export function useGeneratedAudio(id: string, source: ExportSource): GeneratedAudio {
  const audio = useQuery({
    queryKey: ['generate', 'audio', id],
    queryFn: async ({ signal }) => (await fetchExport(source, 'audio', { format: 'wav' }, signal)).blob,
    staleTime: Infinity,
    retry: false,
  });
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    if (!audio.data) return;
    const objectUrl = URL.createObjectURL(audio.data);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(undefined);
    };
  }, [audio.data]);
  if (audio.isError) return { state: 'failed' };
  return url ? { state: 'ready', url } : { state: 'loading' };
}
