/**
 * The piano roll's arithmetic, free of the DOM: the pitch range shown, each note as a rectangle by
 * time and pitch (opacity by confidence), the recording's waveform as min/max peaks per pixel column,
 * and the time ticks. Coordinates are pixels with y growing downwards.
 */

export interface RollNote {
  readonly start_time: number;
  readonly end_time: number;
  readonly midi_note: number;
  readonly note_name: string;
  readonly confidence: number;
}

export interface RollFrame {
  readonly width: number;
  readonly height: number;
  /** Seconds across the width. */
  readonly duration: number;
  /** Lowest and highest MIDI note with a row. */
  readonly low: number;
  readonly high: number;
}

export interface NoteRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly opacity: number;
  readonly label: string;
}

/** Rows from two semitones below the lowest note to two above the highest, at least an octave. */
export function pitchRange(notes: readonly RollNote[]): { low: number; high: number } {
  if (notes.length === 0) return { low: 60, high: 72 };
  let low = Infinity;
  let high = -Infinity;
  for (const note of notes) {
    low = Math.min(low, note.midi_note);
    high = Math.max(high, note.midi_note);
  }
  low -= 2;
  high += 2;
  const missing = 12 - (high - low);
  if (missing > 0) {
    low -= Math.floor(missing / 2);
    high += Math.ceil(missing / 2);
  }
  return { low: Math.max(0, low), high: Math.min(127, high) };
}

/** The height of one semitone row. */
export const rowHeight = (frame: RollFrame) => frame.height / (frame.high - frame.low + 1);

/** The x of a time in seconds. */
export const xOf = (frame: RollFrame, seconds: number) =>
  frame.duration > 0 ? (seconds / frame.duration) * frame.width : 0;

/** The y of the top of a MIDI note's row. */
export const yOf = (frame: RollFrame, midi: number) => (frame.high - midi) * rowHeight(frame);

/** Opacity of a note: faint when unsure, solid when sure. */
export const opacityOf = (confidence: number) => 0.3 + 0.7 * Math.min(1, Math.max(0, confidence));

/** A note's name, times and confidence in words: "C4, 0.00–0.49 s, 98 % sure". */
export function describeNote(note: RollNote): string {
  return `${note.note_name}, ${note.start_time.toFixed(2)}–${note.end_time.toFixed(2)} s, ${Math.round(note.confidence * 100)} % sure`;
}

/** Each note as a rectangle (at least 2 px wide, so a very short note still shows). */
export function noteRects(notes: readonly RollNote[], frame: RollFrame): NoteRect[] {
  const row = rowHeight(frame);
  return notes.map((note) => {
    const x = xOf(frame, note.start_time);
    return {
      x,
      y: yOf(frame, note.midi_note),
      width: Math.max(2, xOf(frame, note.end_time) - x),
      height: row,
      opacity: opacityOf(note.confidence),
      label: describeNote(note),
    };
  });
}

/** The smallest and largest sample in each of `columns` equal slices of the signal. */
export function waveformPeaks(
  samples: Float32Array,
  columns: number,
): { readonly min: Float32Array; readonly max: Float32Array } {
  const count = Math.max(0, Math.floor(columns));
  const min = new Float32Array(count);
  const max = new Float32Array(count);
  if (samples.length === 0) return { min, max };
  for (let column = 0; column < count; column++) {
    const from = Math.floor((column * samples.length) / count);
    const to = Math.max(from + 1, Math.floor(((column + 1) * samples.length) / count));
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = from; i < to && i < samples.length; i++) {
      const value = samples[i] ?? 0;
      if (value < lo) lo = value;
      if (value > hi) hi = value;
    }
    min[column] = Number.isFinite(lo) ? lo : 0;
    max[column] = Number.isFinite(hi) ? hi : 0;
  }
  return { min, max };
}

/**
 * The waveform as one closed SVG path around the peaks, centred vertically and scaled so the loudest
 * peak fills `height` (quiet recordings still show their shape).
 */
export function waveformPath(
  peaks: { readonly min: Float32Array; readonly max: Float32Array },
  width: number,
  height: number,
): string {
  const count = peaks.max.length;
  if (count === 0) return '';
  let loudest = 0;
  for (let i = 0; i < count; i++) {
    loudest = Math.max(loudest, Math.abs(peaks.max[i] ?? 0), Math.abs(peaks.min[i] ?? 0));
  }
  const scale = loudest > 0 ? height / 2 / loudest : 0;
  const middle = height / 2;
  const step = width / count;
  const round = (value: number) => Math.round(value * 10) / 10;
  const top: string[] = [];
  const bottom: string[] = [];
  for (let i = 0; i < count; i++) {
    const x = round(i * step + step / 2);
    top.push(`${x},${round(middle - (peaks.max[i] ?? 0) * scale)}`);
    bottom.push(`${x},${round(middle - (peaks.min[i] ?? 0) * scale)}`);
  }
  return `M${top.join('L')}L${bottom.reverse().join('L')}Z`;
}

/** Time ticks in whole seconds: every 1, 2, 5, 10, 15, 30 or 60 s, about one per 80 px. */
export function timeTicks(duration: number, width: number): number[] {
  if (!(duration > 0) || !(width > 0)) return [];
  const wanted = Math.max(1, Math.floor(width / 80));
  const step = [1, 2, 5, 10, 15, 30, 60].find((candidate) => duration / candidate <= wanted) ?? 60;
  const ticks: number[] = [];
  for (let t = 0; t <= duration + 1e-9; t += step) ticks.push(t);
  return ticks;
}

const NATURALS: Readonly<Record<number, string>> = {
  0: 'C',
  2: 'D',
  4: 'E',
  5: 'F',
  7: 'G',
  9: 'A',
  11: 'B',
};

/**
 * The rows named on the pitch axis: every natural note when rows are tall enough to read (`row` px ≥
 * 11), else only the Cs. C4 is MIDI 60.
 */
export function pitchLabels(low: number, high: number, row: number): { midi: number; label: string }[] {
  const labels: { midi: number; label: string }[] = [];
  for (let midi = low; midi <= high; midi++) {
    const letter = NATURALS[midi % 12];
    if (letter === undefined || (row < 11 && letter !== 'C')) continue;
    labels.push({ midi, label: `${letter}${Math.floor(midi / 12) - 1}` });
  }
  return labels;
}
