import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ExportSource } from '../../api/export.js';
import { fetchExport } from '../../api/export.js';
import type { GenerationResponse } from '../../api/generate.js';
import { DownloadStatus } from '../../components/export/download-status.js';
import { ExportButton } from '../../components/export/export-button.js';
import { useFileDownload } from '../../components/export/use-file-download.js';
import { Player } from '../../components/player/player.js';
import { ScoreView, type RenderedScore } from '../../components/score-view/score-view.js';
import { ChordChart } from './chord-chart.js';
import { useGeneratedAudio } from './generated-audio.js';
import { describeReading, metadataRows } from './reading.js';

const MUSICXML_TYPE = 'application/vnd.recordare.musicxml+xml';

/** A file name from the title: letters, digits, spaces and a few marks. */
function fileBase(title: string): string {
  return title.replace(/[^\p{L}\p{N} ._()-]/gu, '_').trim() || 'arrangement';
}

/** A blob: URL of the MusicXML text for a plain download link, released when the result changes. */
function useBlobUrl(blob: Blob): string | undefined {
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  return url;
}

/**
 * One arrangement: how the description was read, its facts, the chord chart, the engraved score with
 * the player, and the downloads (MIDI and MusicXML as they are; PDF and MP3 made by the export endpoints
 * from the uploaded score; every other format through the Export dialog).
 */
export function GenerationResult({
  result,
  title,
  onRegenerate,
  regenerating,
}: {
  readonly result: GenerationResponse;
  readonly title: string;
  readonly onRegenerate: () => void;
  readonly regenerating: boolean;
}) {
  const musicXml = useMemo(() => new Blob([result.musicxml], { type: MUSICXML_TYPE }), [result.musicxml]);
  const source = useMemo<ExportSource>(
    () => ({ kind: 'score', title, musicXml: () => Promise.resolve(musicXml) }),
    [title, musicXml],
  );
  const musicXmlUrl = useBlobUrl(musicXml);
  const audio = useGeneratedAudio(result.id, source);
  const [rendered, setRendered] = useState<RenderedScore | null>(null);
  const download = useFileDownload();
  const base = fileBase(title);
  const { metadata } = result;

  return (
    <section className="panel generate-result" aria-labelledby="result-heading">
      <div className="generate-result__head">
        <h2 id="result-heading">{title}</h2>
        <button type="button" className="button-secondary" onClick={onRegenerate} disabled={regenerating}>
          {regenerating ? 'Generating…' : '↻ Regenerate with a new seed'}
        </button>
      </div>
      {result.item_id !== null && (
        <p className="generate-saved" role="status">
          ✓ Saved to your library. <Link to="/library">Open the Library</Link>
        </p>
      )}
      <p className="generate-reading">
        <strong>How we read your request:</strong> {describeReading(result.reading).join(' · ')}
      </p>
      <dl className="generate-facts" aria-label="About this arrangement">
        {metadataRows(metadata, result.seed).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <h3>Chord chart</h3>
      <ChordChart chords={result.chord_progression} sections={metadata.sections} keyName={metadata.key} />

      <h3>Score</h3>
      <ScoreView musicXml={result.musicxml} label={`Score of ${title}`} onRendered={setRendered} />
      {audio.state === 'failed' && (
        <p className="player player--unavailable" role="status">
          Audio not available for this arrangement: the server could not make it. The MIDI download still
          plays in any MIDI player.
        </p>
      )}
      {audio.state === 'loading' && <p className="muted">Making the audio…</p>}
      {audio.state === 'ready' && rendered && (
        <Player
          key={audio.url}
          audioUrl={audio.url}
          timemap={rendered.timemap}
          svgContainer={rendered.svgContainer}
          onNoteOn={rendered.showElement}
          label={`Play ${title}`}
        />
      )}

      <h3>Downloads</h3>
      <div className="generate-downloads">
        <a className="button-link" href={result.download_url} download={`${base}.mid`}>
          MIDI
        </a>
        {musicXmlUrl && (
          <a className="button-link" href={musicXmlUrl} download={`${base}.musicxml`}>
            MusicXML
          </a>
        )}
        <button
          type="button"
          disabled={download.state.status === 'working'}
          onClick={() =>
            void download.start('PDF', (signal) =>
              fetchExport(source, 'sheet-music', { format: 'pdf' }, signal),
            )
          }
        >
          PDF
        </button>
        <button
          type="button"
          disabled={download.state.status === 'working'}
          onClick={() =>
            void download.start('MP3', (signal) => fetchExport(source, 'audio', { format: 'mp3' }, signal))
          }
        >
          MP3
        </button>
        <ExportButton source={source} />
      </div>
      <DownloadStatus state={download.state} />
    </section>
  );
}
