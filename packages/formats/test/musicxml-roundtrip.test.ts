// Property: any score the generator can build survives writeMusicXml → readMusicXml note for note.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  createRng,
  createScore,
  formatRational,
  keyFromFifths,
  keySignatureFifths,
  lte,
  measureMap,
  midiOf,
  rat,
  sub,
  type Clef,
  type KeyChange,
  type Measure,
  type MeterChange,
  type Note,
  type Pitch,
  type Rational,
  type Rng,
  type Score,
  type Step,
  type TimeSignature,
} from '@cadenza/core';
import { readMusicXml, writeMusicXml } from '@cadenza/formats';
import { hasXmllint, noteFingerprints, validateWithXsd } from './musicxml-test-utils.js';

const METERS: readonly TimeSignature[] = [
  { beats: 4, beatType: 4 },
  { beats: 3, beatType: 4 },
  { beats: 6, beatType: 8 },
  { beats: 2, beatType: 4 },
];
const DURATIONS = [rat(1, 4), rat(1, 2), rat(3, 4), rat(1), rat(3, 2), rat(2), rat(3), rat(4)];
const STEPS: readonly Step[] = ['C', 'D', 'E', 'F', 'G', 'A', 'B'];

function randomPitch(rng: Rng, clef: Clef): Pitch {
  const alter = rng.chance(0.1) ? rng.int(-2, 2) : rng.int(-1, 1);
  const low = clef === 'bass' ? 2 : clef === 'alto' ? 3 : 4;
  return { step: rng.pick(STEPS), alter, octave: rng.int(low, low + 1) };
}

function randomChord(rng: Rng, clef: Clef): Pitch[] {
  const size = rng.chance(0.25) ? rng.int(2, 3) : 1;
  const chord: Pitch[] = [];
  while (chord.length < size) {
    const p = randomPitch(rng, clef);
    if (!chord.some((q) => midiOf(q) === midiOf(p))) chord.push(p);
  }
  return chord;
}

/** One voice: notes, chords and rests one after another, with aligned triplet groups inside a measure. */
function randomVoice(
  rng: Rng,
  measures: readonly Measure[],
  end: Rational,
  staff: number,
  voice: number,
  clef: Clef,
): Note[] {
  const notes: Note[] = [];
  const put = (position: Rational, duration: Rational) => {
    for (const pitch of randomChord(rng, clef)) notes.push({ pitch, position, duration, staff, voice });
  };
  let at = rat(0);
  while (lte(add(at, rat(1, 4)), end)) {
    const m = measures.find((x) => lte(x.start, at) && !lte(add(x.start, x.length), at))!;
    const inMeasure = sub(at, m.start);
    const mEnd = add(m.start, m.length);
    const span = rng.pick([rat(1), rat(2)]);
    const tripletFits = inMeasure.d === 1 && inMeasure.n % span.n === 0 && lte(add(at, span), mEnd);
    if (tripletFits && rng.chance(0.2)) {
      const third = rat(span.n, 3);
      for (let i = 0; i < 3; i++) if (rng.chance(0.85)) put(add(at, rat(i * span.n, 3)), third);
      at = add(at, span);
      continue;
    }
    let d = rng.pick(DURATIONS);
    if (!lte(add(at, d), end)) d = sub(end, at);
    if (rng.chance(0.75)) put(at, d);
    at = add(at, d);
  }
  return notes;
}

function randomScore(seed: number): Score {
  const rng = createRng(seed);
  const first = rng.pick(METERS);
  const second = rng.pick(METERS.filter((m) => m !== first));
  const firstLength = rat(first.beats * 4, first.beatType);
  const pickups = [rat(1), rat(1, 2), rat(2)].filter((p) => !lte(firstLength, p));
  const pickup = rng.chance(0.4) ? rng.pick(pickups) : rat(0);
  const count = rng.int(3, 6);
  const changeBar = rng.int(1, count - 1);
  // Place the meter change on a barline of the first meter.
  const changeAt = add(pickup, rat(changeBar * firstLength.n, firstLength.d));
  const meters: MeterChange[] = [{ position: rat(0), timeSignature: first }];
  if (rng.chance(0.6)) meters.push({ position: changeAt, timeSignature: second });
  const fifths = rng.int(-5, 5);
  const keys: KeyChange[] = [
    { position: rat(0), key: keyFromFifths(fifths, rng.pick(['major', 'minor'] as const)) },
  ];
  if (rng.chance(0.5))
    keys.push({ position: changeAt, key: keyFromFifths(fifths + rng.pick([-2, -1, 1, 2]), 'major') });
  const skeleton = createScore({ parts: [], pickup, meters, end: rat(1000) });
  const measures = measureMap(skeleton).slice(0, count + (pickup.n > 0 ? 1 : 0));
  const lastMeasure = measures[measures.length - 1]!;
  const end = add(lastMeasure.start, lastMeasure.length);
  const parts = Array.from({ length: rng.int(1, 2) }, (_, i) => {
    const piano = rng.chance(0.5);
    const clefs: Clef[] = piano ? ['treble', 'bass'] : [rng.pick(['treble', 'bass', 'alto'] as const)];
    const notes = clefs.flatMap((clef, s) =>
      Array.from({ length: rng.int(1, 2) }, (_, v) =>
        randomVoice(rng, measures, end, s + 1, v + 1, clef),
      ).flat(),
    );
    return { id: `P${i + 1}`, name: piano ? 'Piano' : 'Cello', staves: clefs.length, clefs, notes };
  });
  return createScore({ parts, pickup, meters, keys });
}

const describeKeys = (s: Score): string[] =>
  s.keys.map((k) => `${formatRational(k.position)}:${keySignatureFifths(k.key)}:${k.key.mode}`);
const describeMeters = (s: Score): string[] =>
  s.meters.map((m) => `${formatRational(m.position)}:${m.timeSignature.beats}/${m.timeSignature.beatType}`);

describe('MusicXML round trip (property)', () => {
  it('keeps every note (pitch, position, duration, staff, voice), meter, key and pickup of random scores', () => {
    let notesChecked = 0;
    const outputs: string[] = [];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const score = randomScore(seed);
        const xml = writeMusicXml(score);
        outputs.push(xml);
        const back = readMusicXml(xml);
        expect(noteFingerprints(back)).toEqual(noteFingerprints(score));
        expect(describeMeters(back)).toEqual(describeMeters(score));
        expect(describeKeys(back)).toEqual(describeKeys(score));
        expect(formatRational(back.pickup)).toBe(formatRational(score.pickup));
        expect(back.parts.map((p) => p.clefs)).toEqual(score.parts.map((p) => p.clefs));
        notesChecked += score.parts.reduce((n, p) => n + p.notes.length, 0);
      }),
      { numRuns: Number(process.env.CADENZA_PROPERTY_RUNS ?? 100), seed: 20240611 },
    );
    expect(notesChecked).toBeGreaterThan(1000);
    if (!hasXmllint()) return;
    const dir = mkdtempSync(join(tmpdir(), 'cadenza-roundtrip-'));
    const paths = outputs.map((xml, i) => {
      const path = join(dir, `random-${i}.musicxml`);
      writeFileSync(path, xml);
      return path;
    });
    const result = validateWithXsd(paths);
    expect(result.failures).toEqual([]);
    expect(result.valid).toBe(paths.length);
  });
});
