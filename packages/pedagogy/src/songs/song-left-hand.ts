import {
  add,
  div,
  gt,
  lt,
  measureLength,
  midiOf,
  min,
  mul,
  parseChordSymbol,
  placeAtOrAbove,
  rat,
  samePitchClass,
  sub,
  toNumber,
  type ChordSymbolEvent,
  type Note,
  type Pitch,
  type PitchClass,
  type Rational,
  type TimeSignature,
} from '@cadenza/core';

/**
 * How a song's left hand is drawn from its chord symbols, easiest first:
 * - `roots`: the bass note alone (a beginner's first hands-together piece);
 * - `shells`: root, third and seventh (the jazz pianist's shell; triads give root, third, fifth);
 * - `blocks`: root under the full chord in close position (gospel and folk accompaniment);
 * - `extended`: the root on the beat, then third, seventh and the chord's top colour (13, else 11, else 9)
 *   as a close cluster between C3 and B3 — the neo-soul sound, kept within one hand's reach.
 */
export const LEFT_HAND_STYLES = ['roots', 'shells', 'blocks', 'extended'] as const;
export type LeftHandStyle = (typeof LEFT_HAND_STYLES)[number];

/** Lowest bass note alone: E2, so a single root sits between E2 and D♯3 on the bass staff. */
const BASS_FLOOR = 40;
/** Lowest root under a chord: F2, so close chords (F2–E3 up to a seventh above) stay clear and in reach. */
const CHORD_FLOOR = 41;
/** The extended style's cluster sits in the octave from C3, whatever the root. */
const CLUSTER_FLOOR = 48;

/** Letter steps above the root of each degree kept by a style (3rd = 2, 5th = 4, 7th = 6, 9th = 8 …). */
function upperDegrees(style: LeftHandStyle, steps: readonly number[]): number[] {
  const has = (s: number) => steps.includes(s);
  const seventh = has(6) ? [6] : has(5) ? [5] : [4];
  const third = has(2) ? [2] : has(3) ? [3] : has(1) ? [1] : [];
  if (style === 'roots') return [];
  if (style === 'shells') return [...third, ...seventh];
  if (style === 'blocks') return steps.filter((s) => s > 0 && s < 7);
  const colour = [12, 10, 8].find(has);
  return [...third, ...seventh, ...(colour === undefined ? [] : [colour])];
}

/** The voicing of one chord for the left hand, lowest first. */
export function leftHandVoicing(symbol: string, style: LeftHandStyle): PitchClass[] {
  const chord = parseChordSymbol(symbol);
  const degrees = upperDegrees(
    style,
    chord.intervals.map((i) => i.steps),
  );
  const upper = degrees.flatMap((steps) => {
    const i = chord.intervals.findIndex((iv) => iv.steps === steps);
    const pc = chord.notes[i];
    return pc ? [pc] : [];
  });
  // Over a slash bass the root joins the upper notes, and the bass is not doubled above.
  const slash = !samePitchClass(chord.bass, chord.root);
  const tones = (slash && style !== 'roots' ? [chord.root, ...upper] : upper).filter(
    (pc) => !samePitchClass(pc, chord.bass),
  );
  return [chord.bass, ...tones];
}

/**
 * A left hand from chord symbols: each chord is struck again at every barline it lasts over, so the
 * student re-plays it each bar. Chords stack upward from a root between F2 and E3 (a root alone from E2).
 */
export function leftHandFromChords(options: {
  readonly chords: readonly ChordSymbolEvent[];
  readonly style: LeftHandStyle;
  readonly meter: TimeSignature;
  readonly pickup: Rational;
  readonly end: Rational;
  /** Voice number on staff 2. */
  readonly voice?: number;
}): Note[] {
  const { chords, style, meter, pickup, end } = options;
  const bar = measureLength(meter);
  const notes: Note[] = [];
  chords.forEach((event, i) => {
    const until = chords[i + 1]?.position ?? end;
    const pcs = leftHandVoicing(event.symbol, style);
    let at = event.position;
    while (lt(at, until)) {
      const barIndex = Math.max(0, Math.floor(toNumber(div(sub(at, pickup), bar))));
      const nextBar = add(pickup, mul(bar, rat(barIndex + 1)));
      const stop = min(until, nextBar);
      const voice = options.voice ?? 1;
      const place = (pitches: readonly Pitch[], from: Rational, to: Rational) => {
        for (const pitch of pitches)
          notes.push({ pitch, position: from, duration: sub(to, from), staff: 2, voice });
      };
      if (style === 'extended') {
        const [root, ...upper] = pcs;
        const cluster = upper
          .map((pc) => placeAtOrAbove(pc, CLUSTER_FLOOR))
          .sort((a, b) => midiOf(a) - midiOf(b));
        const afterRoot = add(at, rat(1));
        if (root && lt(afterRoot, stop)) {
          place([placeAtOrAbove(root, BASS_FLOOR)], at, afterRoot);
          place(cluster, afterRoot, stop);
        } else {
          place(cluster, at, stop);
        }
      } else {
        let floor = pcs.length > 1 ? CHORD_FLOOR : BASS_FLOOR;
        const stacked = pcs.map((pc) => {
          const pitch = placeAtOrAbove(pc, floor);
          floor = midiOf(pitch) + 1;
          return pitch;
        });
        place(stacked, at, stop);
      }
      if (!gt(stop, at)) break;
      at = stop;
    }
  });
  return notes;
}
