import { useEffect, useMemo, useRef, useState } from 'react';
import type { TranscribedNote } from '../../api/transcribe.js';
import {
  noteRects,
  pitchLabels,
  pitchRange,
  rowHeight,
  timeTicks,
  waveformPath,
  waveformPeaks,
  xOf,
  yOf,
  type RollFrame,
} from './piano-roll-layout.js';

const HEIGHT = 240;
const AXIS = 20;
/** Room on the left for the pitch names. */
const GUTTER = 34;
const BLACK_KEYS = new Set([1, 3, 6, 8, 10]);

/** The container's width in CSS pixels, followed on resize. */
function useWidth<E extends HTMLElement>(): [React.RefObject<E | null>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(Math.floor(element.clientWidth));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/**
 * The detected notes as a piano roll over the recording's waveform: time across, pitch up, one
 * rectangle per note with its name, more transparent the less sure the transcription is; a playhead
 * follows the original recording while it plays. A table of the same notes is one click away.
 */
export function PianoRoll({
  notes,
  duration,
  samples,
  playhead,
}: {
  readonly notes: readonly TranscribedNote[];
  readonly duration: number;
  /** The recording decoded to mono samples, or undefined while decoding (or when it cannot be). */
  readonly samples: Float32Array | undefined;
  /** Seconds into the original recording while it plays, else undefined. */
  readonly playhead: number | undefined;
}) {
  const [boxRef, width] = useWidth<HTMLDivElement>();
  const { low, high } = useMemo(() => pitchRange(notes), [notes]);
  const plot = HEIGHT - AXIS;
  const plotWidth = Math.max(0, width - GUTTER);
  const frame: RollFrame = { width: plotWidth, height: plot, duration: Math.max(duration, 0.001), low, high };
  const rects = noteRects(notes, frame);
  const row = rowHeight(frame);
  const wave = useMemo(
    () => (samples && width > 0 ? waveformPath(waveformPeaks(samples, plotWidth / 2), plotWidth, plot) : ''),
    [samples, plotWidth, plot],
  );
  const first = notes[0];
  const last = notes.at(-1);
  const summary =
    notes.length === 0
      ? 'Piano roll: no notes detected.'
      : `Piano roll of ${notes.length} detected note${notes.length === 1 ? '' : 's'} over the recording’s waveform${first && last ? `, from ${first.note_name} to ${last.note_name}` : ''}.`;

  return (
    <figure className="piano-roll">
      <div ref={boxRef} className="piano-roll__box">
        {width > 0 && (
          <svg
            width={width}
            height={HEIGHT}
            viewBox={`0 0 ${width} ${HEIGHT}`}
            role="img"
            aria-label={summary}
            data-testid="piano-roll"
          >
            <g transform={`translate(${GUTTER} 0)`}>
              {Array.from({ length: high - low + 1 }, (_, i) => high - i).map((midi) => (
                <rect
                  key={midi}
                  className={BLACK_KEYS.has(midi % 12) ? 'piano-roll__row--black' : 'piano-roll__row'}
                  x={0}
                  y={yOf(frame, midi)}
                  width={plotWidth}
                  height={row}
                />
              ))}
              {wave && <path className="piano-roll__wave" d={wave} />}
              {timeTicks(duration, plotWidth).map((t) => (
                <g key={t} className="piano-roll__tick">
                  <line x1={xOf(frame, t)} x2={xOf(frame, t)} y1={0} y2={plot} />
                  <text x={Math.min(xOf(frame, t) + 3, plotWidth - 24)} y={HEIGHT - 6}>
                    {t} s
                  </text>
                </g>
              ))}
              {rects.map((rect, i) => {
                const note = notes[i];
                if (!note) return null;
                return (
                  <g key={i} className="piano-roll__note" data-note={note.note_name} aria-label={rect.label}>
                    <title>{rect.label}</title>
                    <rect
                      x={rect.x}
                      y={rect.y}
                      width={rect.width}
                      height={rect.height}
                      rx={2}
                      opacity={rect.opacity}
                    />
                    {rect.width > 26 && (
                      <text x={rect.x + 3} y={Math.max(10, rect.y - 3)}>
                        {note.note_name}
                      </text>
                    )}
                  </g>
                );
              })}
              {playhead !== undefined && (
                <line
                  className="piano-roll__playhead"
                  x1={xOf(frame, playhead)}
                  x2={xOf(frame, playhead)}
                  y1={0}
                  y2={plot}
                />
              )}
            </g>
            <rect className="piano-roll__gutter" x={0} y={0} width={GUTTER} height={HEIGHT} />
            {pitchLabels(low, high, row).map(({ midi, label }) => (
              <text
                key={midi}
                className={midi % 12 === 0 ? 'piano-roll__pitch piano-roll__pitch--c' : 'piano-roll__pitch'}
                x={GUTTER - 5}
                y={yOf(frame, midi) + row / 2 + 4}
                textAnchor="end"
              >
                {label}
              </text>
            ))}
          </svg>
        )}
      </div>
      <figcaption className="muted">
        Each bar is a detected note (pitch up, time across), drawn over the recording’s waveform
        {samples ? '' : ' (loading)'}; paler bars are notes the transcription is less sure of.
      </figcaption>
      <details className="piano-roll__table">
        <summary>All {notes.length} notes</summary>
        <table className="data-table" data-testid="note-list">
          <caption className="visually-hidden">Detected notes</caption>
          <thead>
            <tr>
              <th scope="col">Note</th>
              <th scope="col">Start</th>
              <th scope="col">End</th>
              <th scope="col">Velocity</th>
              <th scope="col">Confidence</th>
            </tr>
          </thead>
          <tbody>
            {notes.map((note, i) => (
              <tr key={i}>
                <th scope="row">{note.note_name}</th>
                <td>{note.start_time.toFixed(2)} s</td>
                <td>{note.end_time.toFixed(2)} s</td>
                <td>{note.velocity}</td>
                <td>{Math.round(note.confidence * 100)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
