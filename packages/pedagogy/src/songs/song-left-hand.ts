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
  sub,
  toNumber,
  type ChordSymbolEvent,
  type Note,
  type PitchClass,
  type Rational,
  type TimeSignature,
} from '@cadenza/core';

/**
 * How a song's left hand is drawn from its chord symbols, easiest first:
 * - `roots`: the bass note alone (a beginner's first hands-together piece);
 * - `shells`: root, third and seventh (the jazz pianist's shell; triads give root, third, fifth);
 * - `blocks`: root under the full chord in close position (gospel and folk accompaniment);
 * - `extended`: root under third, seventh and the chord's colour tones (9, 11, 13) — the neo-soul sound.
 */
export const LEFT_HAND_STYLES = ['roots', 'shells', 'blocks', 'extended'] as const;
export type LeftHandStyle = (typeof LEFT_HAND_STYLES)[number];

/** Lowest bass note: E2, so the root sits between E2 and D♯3 and the hand stays on the bass staff. */
const BASS_FLOOR = 40;

/** Letter steps above the root of each degree kept by a style (3rd = 2, 5th = 4, 7th = 6, 9th = 8 …). */
function upperDegrees(style: LeftHandStyle, steps: readonly number[]): number[] {
  const has = (s: number) => steps.includes(s);
  const seventh = has(6) ? [6] : has(5) ? [5] : [4];
  const third = has(2) ? [2] : has(3) ? [3] : has(1) ? [1] : [];
  if (style === 'roots') return [];
  if (style === 'shells') return [...third, ...seventh];
  if (style === 'blocks') return steps.filter((s) => s > 0 && s < 7);
  return [...third, ...seventh, ...steps.filter((s) => s >= 7)];
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
  return [chord.bass, ...upper];
}

/**
 * A left hand from chord symbols: each chord is struck again at every barline it lasts over, so the
 * student re-plays it each bar. Voicings stack upward from a root between E2 and D♯3.
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
      let floor = BASS_FLOOR;
      for (const pc of pcs) {
        const pitch = placeAtOrAbove(pc, floor);
        floor = midiOf(pitch) + 1;
        notes.push({ pitch, position: at, duration: sub(stop, at), staff: 2, voice: options.voice ?? 1 });
      }
      if (!gt(stop, at)) break;
      at = stop;
    }
  });
  return notes;
}
