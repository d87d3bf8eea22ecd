import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ExportSource } from '../../api/export.js';
import { fetchMusic, fetchMusicXml, musicUrl, type TheoryQuery } from '../../api/theory.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { ExportButton } from '../../components/export/export-button.js';
import { Player } from '../../components/player/player.js';
import { ScoreView, type RenderedScore } from '../../components/score-view/score-view.js';

type Audio =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly url: string }
  | { readonly state: 'failed' };

/**
 * The audio of a theory result. GET results play straight from the server's URL; the analysis is a POST,
 * so its audio is fetched and played from a blob: URL.
 */
function useResultAudio(query: TheoryQuery): Audio {
  const direct = musicUrl(query, 'wav');
  const [fetched, setFetched] = useState<Audio>({ state: 'loading' });
  const queryKey = JSON.stringify(query);
  useEffect(() => {
    if (direct !== undefined) return;
    let url: string | undefined;
    let cancelled = false;
    setFetched({ state: 'loading' });
    fetchMusic(JSON.parse(queryKey) as TheoryQuery, 'wav')
      .then((response) => response.blob())
      .then((blob) => {
        if (cancelled) return;
        url = URL.createObjectURL(blob);
        setFetched({ state: 'ready', url });
      })
      .catch(() => {
        if (!cancelled) setFetched({ state: 'failed' });
      });
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [direct, queryKey]);
  return direct !== undefined ? { state: 'ready', url: direct } : fetched;
}

/** A theory result as engraved music with a player whose cursor follows the notes. */
export function MusicResult({ query, label }: { readonly query: TheoryQuery; readonly label: string }) {
  const musicXml = useQuery({ queryKey: ['musicxml', query], queryFn: () => fetchMusicXml(query) });
  const audio = useResultAudio(query);
  const [rendered, setRendered] = useState<RenderedScore | null>(null);
  // Exported from the MusicXML already fetched for the score: the server makes audio and pages from it.
  const exportSource = useMemo<ExportSource | undefined>(() => {
    const xml = musicXml.data;
    if (xml === undefined) return undefined;
    const blob = new Blob([xml], { type: 'application/vnd.recordare.musicxml+xml' });
    return { kind: 'score', title: label, musicXml: () => Promise.resolve(blob) };
  }, [musicXml.data, label]);

  if (musicXml.isPending) return <p className="muted">Fetching the score…</p>;
  if (musicXml.isError) return <ErrorPanel title="The score is not available." error={musicXml.error} />;
  return (
    <div className="music-result">
      <ScoreView musicXml={musicXml.data} label={`Score of ${label}`} onRendered={setRendered} />
      {audio.state === 'failed' && (
        <p className="player player--unavailable" role="status">
          Audio not available for this result: the server could not make it.
        </p>
      )}
      {audio.state === 'loading' && <p className="muted">Fetching the audio…</p>}
      {audio.state === 'ready' && rendered && (
        <Player
          key={audio.url}
          audioUrl={audio.url}
          timemap={rendered.timemap}
          svgContainer={rendered.svgContainer}
          onNoteOn={rendered.showElement}
          label={`Play ${label}`}
        />
      )}
      {exportSource && (
        <div className="music-result__actions">
          <ExportButton source={exportSource} />
        </div>
      )}
    </div>
  );
}
