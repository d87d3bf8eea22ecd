import { useEffect, useState } from 'react';

/** Sample rate the waveform is decoded at: plenty for a picture, and cheap. */
const WAVEFORM_RATE = 8000;

/**
 * The recording decoded by the browser (decodeAudioData of an OfflineAudioContext, which needs no
 * sound device) and mixed to mono, for the piano roll's waveform; undefined while decoding or when
 * the browser cannot decode it (the roll then shows the notes alone).
 */
export function useRecordingSamples(blob: Blob): Float32Array | undefined {
  const [samples, setSamples] = useState<Float32Array | undefined>();
  useEffect(() => {
    let cancelled = false;
    setSamples(undefined);
    if (typeof OfflineAudioContext === 'undefined') return;
    void blob
      .arrayBuffer()
      .then((bytes) => new OfflineAudioContext(1, 1, WAVEFORM_RATE).decodeAudioData(bytes))
      .then((buffer) => {
        const mono = new Float32Array(buffer.length);
        for (let channel = 0; channel < buffer.numberOfChannels; channel++) {
          const data = buffer.getChannelData(channel);
          for (let i = 0; i < mono.length; i++)
            mono[i] = (mono[i] ?? 0) + (data[i] ?? 0) / buffer.numberOfChannels;
        }
        if (!cancelled) setSamples(mono);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [blob]);
  return samples;
}

/** A blob: URL for the recording, released when the blob changes or the page goes. */
export function useObjectUrl(blob: Blob | undefined): string | undefined {
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    if (!blob) return;
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(undefined);
    };
  }, [blob]);
  return url;
}
