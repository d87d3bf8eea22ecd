import type { PracticeNoteResult, PracticeVerdict } from '../../api/practice-attempts.js';
import type { Timemap } from '../../components/score-view/timemap.js';

/**
 * How a graded note is shown: its colour (green right, red wrong or missed, amber early or late), a
 * mark that does not depend on colour (✓ ✗ ±), and words. Pure: no DOM.
 */

export type Tone = 'green' | 'red' | 'amber';

export interface VerdictStyle {
  readonly tone: Tone;
  readonly mark: '✓' | '✗' | '±';
  /** For the legend and lists: "Wrong pitch". */
  readonly label: string;
}

export const VERDICT_STYLES: Readonly<Record<PracticeVerdict, VerdictStyle>> = {
  correct: { tone: 'green', mark: '✓', label: 'Correct' },
  wrong_pitch: { tone: 'red', mark: '✗', label: 'Wrong pitch' },
  missed: { tone: 'red', mark: '✗', label: 'Missed' },
  early: { tone: 'amber', mark: '±', label: 'Early' },
  late: { tone: 'amber', mark: '±', label: 'Late' },
};

/** The class a score note of this verdict gets (styles.css colours it). */
export const verdictClass = (verdict: PracticeVerdict): string => `practice-note--${verdict}`;

/** "80 ms early", "120 ms late", "on time": a timing error in words (positive is late). */
export function timingText(errorMs: number | undefined): string {
  if (errorMs === undefined || !Number.isFinite(errorMs)) return '';
  const ms = Math.round(Math.abs(errorMs));
  if (ms === 0) return 'on time';
  return `${ms} ms ${errorMs < 0 ? 'early' : 'late'}`;
}

/** One note's verdict in words: "E4 ✗ wrong pitch: you played F4", "G4 ± 85 ms early". */
export function describeNote(note: PracticeNoteResult): string {
  const { mark } = VERDICT_STYLES[note.verdict];
  const name = note.expected.name;
  switch (note.verdict) {
    case 'correct':
      return `${name} ${mark} correct`;
    case 'missed':
      return `${name} ${mark} missed`;
    case 'wrong_pitch':
      return `${name} ${mark} wrong pitch: you played ${note.played_name ?? 'another note'}`;
    case 'early':
    case 'late':
      return `${name} ${mark} ${timingText(note.timing_error_ms) || note.verdict}`;
  }
}

/** 0–1 as a whole percentage: "87 %". */
export const percent = (fraction: number): string =>
  `${Math.round(Math.max(0, Math.min(1, fraction)) * 100)} %`;

/** "You played at 104 bpm; written 96 bpm (8 % fast)", or why there is no tempo. */
export function tempoText(played: number | null, written: number): string {
  if (played === null || !Number.isFinite(played) || played <= 0) {
    return `Written at ${Math.round(written)} bpm; too few notes to tell your tempo.`;
  }
  const change = Math.round(((played - written) / written) * 100);
  const how = change === 0 ? 'right on it' : `${Math.abs(change)} % ${change > 0 ? 'fast' : 'slow'}`;
  return `You played at ${Math.round(played)} bpm; written ${Math.round(written)} bpm (${how}).`;
}

/** A note on the engraved score: its SVG id, where it starts (quarter notes) and its pitch. */
export interface ScoreNote {
  readonly id: string;
  readonly quarters: number;
  readonly midi: number | undefined;
}

/**
 * The notes of an engraved score from verovio's timemap: each note id where it starts sounding, in
 * quarter notes (the timemap's qstamp, else its milliseconds at `tempo`), with its pitch from `midiOf`.
 */
export function scoreNotesFromTimemap(
  timemap: Timemap,
  midiOf: (id: string) => number | undefined,
  tempo: number,
): ScoreNote[] {
  return timemap.flatMap((entry) =>
    (entry.on ?? []).map((id) => ({
      id,
      quarters: entry.qstamp ?? (entry.tstamp * tempo) / 60_000,
      midi: midiOf(id),
    })),
  );
}

/**
 * The score note each graded note stands for, by position: an expected note starting `start` seconds in
 * at `tempo` quarters a minute is the score note at that many quarter notes with the same pitch (any
 * order of notes within a chord or between the hands). What no position matches (ties, rounding) is
 * paired in order with what is left.
 */
export function matchScoreNotes(
  expected: readonly { readonly midi: number; readonly start: number }[],
  tempo: number,
  scoreNotes: readonly ScoreNote[],
): (string | undefined)[] {
  const QUARTER_TOLERANCE = 0.02;
  const used = new Set<string>();
  const ids: (string | undefined)[] = expected.map((note) => {
    const quarters = (note.start * tempo) / 60;
    const found = scoreNotes.find(
      (candidate) =>
        !used.has(candidate.id) &&
        candidate.midi === note.midi &&
        Math.abs(candidate.quarters - quarters) <= QUARTER_TOLERANCE,
    );
    if (found) used.add(found.id);
    return found?.id;
  });
  const rest = [...scoreNotes]
    .filter((note) => !used.has(note.id))
    .sort((a, b) => a.quarters - b.quarters || (a.midi ?? 0) - (b.midi ?? 0));
  const order = expected
    .map((note, index) => ({ note, index }))
    .filter(({ index }) => ids[index] === undefined)
    .sort((a, b) => a.note.start - b.note.start || a.note.midi - b.note.midi);
  order.forEach(({ index }, k) => (ids[index] = rest[k]?.id));
  return ids;
}

/** What the score view paints on a note: its class and its tooltip. */
export interface NoteMark {
  readonly className: string;
  readonly title: string;
}

/** Score note id → its mark, for every graded note that found its place on the score. */
export function noteMarks(
  graded: readonly PracticeNoteResult[],
  tempo: number,
  scoreNotes: readonly ScoreNote[],
): Map<string, NoteMark> {
  const ids = matchScoreNotes(
    graded.map((note) => note.expected),
    tempo,
    scoreNotes,
  );
  const marks = new Map<string, NoteMark>();
  graded.forEach((note, index) => {
    const id = ids[index];
    if (id !== undefined) marks.set(id, { className: verdictClass(note.verdict), title: describeNote(note) });
  });
  return marks;
}
