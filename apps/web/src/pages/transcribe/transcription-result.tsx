import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ExportSource } from '../../api/export.js';
import { fetchTranscriptionXml, type TranscriptionResponse } from '../../api/transcribe.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { ExportButton } from '../../components/export/export-button.js';
import { Player } from '../../components/player/player.js';
import { ScoreView, type RenderedScore } from '../../components/score-view/score-view.js';
import { useGeneratedAudio } from '../generate/generated-audio.js';
import { confidenceWords, factRows } from './facts.js';
import { PianoRoll } from './piano-roll.js';
import { useObjectUrl, useRecordingSamples } from './recording-waveform.js';
import type { RecordingSource } from './transcribe-form.js';

const MUSICXML_TYPE = 'application/vnd.recordare.musicxml+xml';

type Side = 'original' | 'transcription';

/** Seconds into an <audio> element while it plays (every animation frame), else undefined. */
function usePlayhead(audio: HTMLAudioElement | null): number | undefined {
  const [time, setTime] = useState<number | undefined>();
  useEffect(() => {
    if (!audio) return;
    let frame = 0;
    const step = () => {
      setTime(audio.currentTime);
      frame = requestAnimationFrame(step);
    };
    const play = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(step);
    };
    const pause = () => {
      cancelAnimationFrame(frame);
      setTime(audio.currentTime > 0 && !audio.ended ? audio.currentTime : undefined);
    };
    audio.addEventListener('play', play);
    audio.addEventListener('pause', pause);
    audio.addEventListener('ended', pause);
    return () => {
      cancelAnimationFrame(frame);
      audio.removeEventListener('play', play);
      audio.removeEventListener('pause', pause);
      audio.removeEventListener('ended', pause);
    };
  }, [audio]);
  return time;
}

/** Pauses every <audio> inside an element (the side of the A/B switch being left). */
function pauseWithin(element: HTMLElement | null) {
  for (const audio of element?.querySelectorAll('audio') ?? []) audio.pause();
}

/**
 * The engraved transcription with the player (audio synthesised by the server from the MusicXML, as for
 * generated arrangements), and the recording itself, one at a time: A/B.
 */
function ListenAndScore({
  result,
  title,
  recordingUrl,
  onOriginalAudio,
}: {
  readonly result: TranscriptionResponse;
  readonly title: string;
  readonly recordingUrl: string | undefined;
  readonly onOriginalAudio: (audio: HTMLAudioElement | null) => void;
}) {
  const xml = useQuery({
    queryKey: ['transcription', 'musicxml', result.transcription_id],
    queryFn: ({ signal }) => fetchTranscriptionXml(result.download_urls.musicxml, signal),
    staleTime: Infinity,
    retry: false,
  });
  const musicXml = useMemo(() => new Blob([xml.data ?? ''], { type: MUSICXML_TYPE }), [xml.data]);
  const source = useMemo<ExportSource>(
    () => ({ kind: 'score', title, musicXml: () => Promise.resolve(musicXml) }),
    [title, musicXml],
  );
  const [side, setSide] = useState<Side>('original');
  const [rendered, setRendered] = useState<RenderedScore | null>(null);
  const original = useRef<HTMLDivElement>(null);
  const transcription = useRef<HTMLDivElement>(null);
  const name = useId();
  const choose = (next: Side) => {
    pauseWithin(next === 'original' ? transcription.current : original.current);
    setSide(next);
  };

  return (
    <>
      <h3>Listen: A/B</h3>
      <fieldset className="ab-switch">
        <legend className="visually-hidden">Which to hear</legend>
        {(
          [
            ['original', 'A · Recording'],
            ['transcription', 'B · Transcription'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className={side === value ? 'ab-switch__option is-on' : 'ab-switch__option'}>
            <input
              type="radio"
              name={name}
              value={value}
              checked={side === value}
              onChange={() => choose(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      <div ref={original} hidden={side !== 'original'} className="ab-panel">
        {recordingUrl && (
          <audio
            ref={onOriginalAudio}
            src={recordingUrl}
            controls
            preload="metadata"
            aria-label={`Your recording: ${title}`}
          />
        )}
      </div>
      <div ref={transcription} hidden={side !== 'transcription'} className="ab-panel">
        {xml.data !== undefined && (
          <TranscriptionPlayer
            id={result.transcription_id}
            source={source}
            rendered={rendered}
            title={title}
          />
        )}
        {xml.isPending && <p className="muted">Engraving the score…</p>}
      </div>

      <h3>Score</h3>
      {xml.isError && <ErrorPanel title="Could not load the score." error={xml.error} />}
      {xml.data !== undefined && (
        <ScoreView musicXml={xml.data} label={`Score of ${title}`} onRendered={setRendered} />
      )}
      <h3>Downloads</h3>
      <div className="generate-downloads">
        <a className="button-link" href={result.download_urls.musicxml} download>
          MusicXML
        </a>
        <a className="button-link" href={result.download_urls.midi} download>
          MIDI
        </a>
        <a className="button-link" href={result.download_urls.pdf} download>
          PDF
        </a>
        {xml.data !== undefined && <ExportButton source={source} />}
      </div>
    </>
  );
}

/** The player of the transcription once its audio is made and its score engraved. */
function TranscriptionPlayer({
  id,
  source,
  rendered,
  title,
}: {
  readonly id: string;
  readonly source: ExportSource;
  readonly rendered: RenderedScore | null;
  readonly title: string;
}) {
  const audio = useGeneratedAudio(id, source);
  if (audio.state === 'failed') {
    return (
      <p className="player player--unavailable" role="status">
        Audio not available for this transcription: the server could not make it. The MIDI download still
        plays in any MIDI player.
      </p>
    );
  }
  if (audio.state === 'loading' || !rendered) return <p className="muted">Making the audio…</p>;
  return (
    <Player
      key={audio.url}
      audioUrl={audio.url}
      timemap={rendered.timemap}
      svgContainer={rendered.svgContainer}
      onNoteOn={rendered.showElement}
      label={`Play the transcription of ${title}`}
    />
  );
}

/**
 * One transcription: the facts (tempo, meter, key, length, notes) with the confidence as a bar, the
 * recording's difficulties, a piano roll of the notes over the waveform, A/B listening, the engraved
 * score and the downloads.
 */
export function TranscriptionResult({
  result,
  recording,
  title,
}: {
  readonly result: TranscriptionResponse;
  readonly recording: RecordingSource;
  readonly title: string;
}) {
  const samples = useRecordingSamples(recording.blob);
  const recordingUrl = useObjectUrl(recording.blob);
  const [originalAudio, setOriginalAudio] = useState<HTMLAudioElement | null>(null);
  const playhead = usePlayhead(originalAudio);
  const percent = Math.round(result.confidence * 100);

  return (
    <section className="panel generate-result transcription-result" aria-labelledby="result-heading">
      <div className="generate-result__head">
        <h2 id="result-heading">{title}</h2>
      </div>
      {result.item_id !== null && (
        <p className="generate-saved" role="status">
          ✓ Saved to your library. <Link to="/library">Open the Library</Link>
        </p>
      )}
      <dl className="generate-facts" aria-label="About this transcription">
        {factRows(result).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div className="transcription-confidence">
          <dt>Confidence</dt>
          <dd>
            <span
              className="confidence-bar"
              role="meter"
              aria-label="Confidence"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              aria-valuetext={`${percent} %, ${confidenceWords(result.confidence)}`}
            >
              <span
                className={`confidence-bar__fill confidence-bar__fill--${percent >= 80 ? 'high' : percent >= 50 ? 'medium' : 'low'}`}
                style={{ width: `${percent}%` }}
              />
            </span>
            <span className="confidence-bar__text">
              {percent} % · {confidenceWords(result.confidence)}
            </span>
          </dd>
        </div>
      </dl>
      {result.warnings.length > 0 && (
        <div className="panel--warning transcription-warnings" role="note" aria-label="Warnings">
          <strong>What made this recording hard:</strong>
          <ul>
            {result.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </div>
      )}

      <h3>Notes over the recording</h3>
      <PianoRoll notes={result.notes} duration={result.duration} samples={samples} playhead={playhead} />

      <ListenAndScore
        result={result}
        title={title}
        recordingUrl={recordingUrl}
        onOriginalAudio={setOriginalAudio}
      />
    </section>
  );
}
