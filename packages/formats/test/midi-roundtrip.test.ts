import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  bpm,
  createRng,
  createScore,
  formatRational,
  keyAt,
  keyFromFifths,
  keySignatureFifths,
  measureLength,
  midiOf,
  rat,
  samePitch,
  spellMidi,
  ZERO,
  type KeyChange,
  type MeterChange,
  type Note,
  type PartInit,
  type Rational,
  type Rng,
  type Score,
  type Span,
  type TempoMark,
  type TimeSignature,
} from '@cadenza/core';
import { readMidi, writeMidi } from '@cadenza/formats';

const METERS: TimeSignature[] = [
  { beats: 4, beatType: 4 },
  { beats: 3, beatType: 4 },
  { beats: 6, beatType: 8 },
  { beats: 2, beatType: 2 },
  { beats: 5, beatType: 8 },
  { beats: 7, beatType: 8 },
];
/** Durations in quarter notes: triplets, quintuplets, dotted and long values that cross barlines. */
const DURATIONS = [
  rat(1, 5),
  rat(2, 5),
  rat(1, 3),
  rat(2, 3),
  rat(1, 4),
  rat(1, 2),
  rat(3, 4),
  rat(1),
  rat(3, 2),
  rat(2),
  rat(3),
];
const SOLO_NAMES = ['Violin', 'Flute', 'Cello', 'Piano', 'Left RH'];

/** One voice as a chain of notes, chords and rests: no pitch can overlap itself inside it. */
function voiceNotes(
  rng: Rng,
  keys: readonly KeyChange[],
  staff: number,
  voice: number,
  length: Rational,
): Note[] {
  const notes: Note[] = [];
  const [low, high] = staff === 1 ? [55, 108] : [21, 64];
  const keyScore = createScore({ parts: [], keys });
  for (let at = ZERO; at.n * length.d < length.n * at.d;) {
    const duration = rng.pick(DURATIONS);
    if (!rng.chance(0.25)) {
      const size = rng.int(1, 3);
      const chord = new Set<number>();
      while (chord.size < size) chord.add(rng.int(low, high));
      const key = keyAt(keyScore, at);
      for (const midi of chord) {
        // Mostly the spelling readMidi will choose; sometimes an enharmonic one it cannot know.
        const pitch = rng.chance(0.7)
          ? spellMidi(midi, keySignatureFifths(key), key.mode === 'minor')
          : spellMidi(midi, rng.int(-7, 7), rng.chance(0.5));
        notes.push({
          pitch,
          position: at,
          duration,
          staff,
          voice,
          velocity: rng.int(20, 120),
          offset: rng.pick([0, 1 / 6, -0.05]),
        });
      }
    }
    at = add(at, duration);
  }
  return notes;
}

function randomScore(seed: number): Score {
  const rng = createRng(seed);
  const meters: MeterChange[] = [];
  const barlines: Rational[] = [];
  let at = ZERO;
  for (let m = rng.int(2, 6); m > 0; m--) {
    const ts =
      rng.chance(0.3) || meters.length === 0 ? rng.pick(METERS) : meters[meters.length - 1]!.timeSignature;
    const last = meters[meters.length - 1]?.timeSignature;
    if (!last || last.beats !== ts.beats || last.beatType !== ts.beatType)
      meters.push({ position: at, timeSignature: ts });
    barlines.push(at);
    at = add(at, measureLength(ts));
  }
  const length = at;
  const randomKey = () => keyFromFifths(rng.int(-7, 7), rng.pick(['major', 'minor'] as const));
  const keys: KeyChange[] = [{ position: ZERO, key: randomKey() }];
  for (const b of barlines.slice(1)) if (rng.chance(0.3)) keys.push({ position: b, key: randomKey() });
  const tempos: TempoMark[] = [{ position: ZERO, bpm: bpm(rng.int(3000, 24000) / 100) }];
  for (let q = 1; q < length.n / length.d; q++) {
    if (rng.chance(0.1)) tempos.push({ position: rat(q, 1), bpm: bpm(rng.int(3000, 24000) / 100) });
  }
  const pedals: Span[] = [];
  for (let q = 0; q + 2 <= length.n / length.d; q += 2)
    if (rng.chance(0.4)) pedals.push({ start: rat(q), end: rat(q + rng.int(1, 2)) });
  const parts: PartInit[] = [];
  const staffNotes = (staff: number) =>
    Array.from({ length: rng.int(1, 2) }, (_, v) => voiceNotes(rng, keys, staff, v + 1, length)).flat();
  parts.push({
    name: 'Piano',
    staves: 2,
    program: rng.int(0, 7),
    notes: [...staffNotes(1), ...staffNotes(2)],
    pedals,
  });
  if (rng.chance(0.6))
    parts.push({ name: rng.pick(SOLO_NAMES), staves: 1, program: rng.int(0, 127), notes: staffNotes(1) });
  return createScore({ metadata: { title: `Seed ${seed}` }, meters, keys, tempos, parts });
}

const noteKey = (n: Note): string =>
  `${n.staff}|${n.voice}|${midiOf(n.pitch)}|${formatRational(n.position)}|${formatRational(n.duration)}`;

describe('writeMidi → readMidi round trip (notation, performance: false)', () => {
  it('keeps every note, part, tempo, meter, key and pedal of random scores', () => {
    let spellingsChecked = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const source = randomScore(seed);
        const back = readMidi(writeMidi(source, { performance: false }));
        expect(back.metadata.title).toBe(source.metadata.title);
        expect(back.pickup).toEqual(ZERO);
        expect(back.meters).toEqual(source.meters);
        expect(back.keys.map((k) => [k.position, keySignatureFifths(k.key), k.key.mode])).toEqual(
          source.keys.map((k) => [k.position, keySignatureFifths(k.key), k.key.mode]),
        );
        expect(back.tempos.map((t) => t.position)).toEqual(source.tempos.map((t) => t.position));
        back.tempos.forEach((t, i) => expect(Math.abs(t.bpm - source.tempos[i]!.bpm)).toBeLessThan(0.01));
        expect(back.parts.map((p) => [p.name, p.program, p.staves])).toEqual(
          source.parts.map((p) => [p.name, p.program, p.staves]),
        );
        source.parts.forEach((part, i) => {
          const read = back.parts[i]!;
          expect(read.pedals).toEqual(part.pedals);
          expect(read.notes.map(noteKey).sort()).toEqual(part.notes.map(noteKey).sort());
          const byKey = new Map(read.notes.map((n) => [noteKey(n), n]));
          for (const n of part.notes) {
            const key = keyAt(source, n.position);
            const expected = spellMidi(midiOf(n.pitch), keySignatureFifths(key), key.mode === 'minor');
            if (!samePitch(expected, n.pitch)) continue;
            expect(byKey.get(noteKey(n))!.pitch).toEqual(n.pitch);
            spellingsChecked++;
          }
        });
      }),
      { seed: 20240611, numRuns: 100 },
    );
    // The generator must really exercise spelling, not skip it.
    expect(spellingsChecked).toBeGreaterThan(1000);
  });
});
