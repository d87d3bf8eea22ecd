import {
  add,
  beatsPerMeasure,
  eq,
  formatRational,
  formatTimeSignature,
  intervalBetween,
  intervalQuality,
  isCompoundMeter,
  keySignatureFifths,
  measureLength,
  midiOf,
  mul,
  rat,
  samePitch,
  samePitchClass,
  sum,
  toNumber,
  ZERO,
  type Rational,
  type TimeSignature,
} from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import {
  degreePitches,
  melodicDictationQuestion,
  MELODIC_DICTATION_LEVELS,
  dictationRhythmCell as rhythmCell,
  rhythmDictationQuestion,
  RHYTHM_DICTATION_LEVELS,
  type DictationNote,
  type EarTrainingQuestion,
} from '../src/ear-training/index.js';

const SEEDS = Array.from({ length: 80 }, (_, i) => i * 65537 + 5);
const LEVELS = Array.from({ length: 10 }, (_, i) => i + 1);

/** Every note value the level's cells of this meter's kind can make (with rests when `rests`). */
function allowedValues(cellIds: readonly string[], ts: TimeSignature, rests: boolean): Set<string> {
  const kind = isCompoundMeter(ts) ? 'compound' : 'simple';
  const out = new Set<string>();
  for (const c of cellIds.map(rhythmCell)) {
    if (c.beatKind !== kind) continue;
    for (const v of c.values)
      if (rests || !v.rest) out.add(`${v.rest ? 'r' : ''}${formatRational(v.duration)}`);
  }
  return out;
}

/** Each bar sums to the meter: no value crosses a barline and the last ends on the final barline. */
function barProblems(values: readonly DictationNote[], ts: TimeSignature, bars: number): string[] {
  const bar = toNumber(measureLength(ts));
  const problems: string[] = [];
  if (!eq(sum(values.map((v) => v.duration)), mul(rat(bars), measureLength(ts))))
    problems.push('length ≠ bars');
  let at: Rational = ZERO;
  for (const v of values) {
    const end = add(at, v.duration);
    if (Math.ceil(toNumber(end) / bar - 1e-9) - Math.floor(toNumber(at) / bar + 1e-9) !== 1) {
      problems.push(`value at ${formatRational(at)} crosses a barline`);
    }
    at = end;
  }
  return problems;
}

function dictationKey(q: EarTrainingQuestion) {
  if (q.key.type !== 'melodic_dictation' && q.key.type !== 'rhythm_dictation')
    throw new Error('not a dictation');
  return q.key;
}

describe('melodic dictation', () => {
  it.each(LEVELS)(
    'level %i: the melody fits the level’s meter, key, range, leaps and note values',
    (level) => {
      const model = MELODIC_DICTATION_LEVELS[level - 1]!;
      for (const seed of SEEDS) {
        const q = melodicDictationQuestion(level, seed);
        const key = q.key;
        if (key.type !== 'melodic_dictation') throw new Error('wrong type');
        const melody = key.answer;
        const problems: string[] = barProblems(melody, key.timeSignature, model.bars);
        const fail = (what: string) => problems.push(`seed ${seed}: ${what}`);
        if (!model.meters.includes(formatTimeSignature(key.timeSignature))) fail('meter');
        if (Math.abs(keySignatureFifths(key.key)) > model.maxKeyFifths) fail('key signature');
        if (!model.modes.includes(key.key.mode as 'major' | 'minor')) fail('mode');
        if (key.bars !== model.bars) fail('bars');
        const values = allowedValues(model.cells, key.timeSignature, false);
        for (const n of melody) {
          if (n.rest || !n.pitch) fail('a rest or unpitched note');
          if (!values.has(formatRational(n.duration))) fail(`value ${formatRational(n.duration)}`);
        }
        // Every pitch is a scale degree inside the level's range.
        const pitchOf = degreePitches(key.key);
        const degrees = melody.map((n) => {
          for (let d = model.lowestDegree; d <= model.highestDegree; d++)
            if (samePitch(pitchOf(d), n.pitch!)) return d;
          fail(`${JSON.stringify(n.pitch)} is not a degree in range`);
          return NaN;
        });
        // Moves no larger than the level's leap, never augmented or diminished.
        for (let i = 1; i < melody.length; i++) {
          if (Math.abs(degrees[i]! - degrees[i - 1]!) > model.maxLeap) fail(`leap at note ${i + 1}`);
          const iv = intervalBetween(melody[i - 1]!.pitch!, melody[i]!.pitch!);
          if (Math.abs(iv.steps) > model.maxLeap) fail(`letter leap at note ${i + 1}`);
          if (!['P', 'M', 'm'].includes(intervalQuality(iv)))
            fail(`${intervalQuality(iv)} interval at note ${i + 1}`);
        }
        // Starts on the key chord (on the tonic below level 5) and ends on the tonic.
        if (!(model.maxLeap >= 4 ? [0, 2, 4, -3] : [0]).includes(degrees[0]!)) fail('first note');
        if (!samePitchClass(melody[melody.length - 1]!.pitch!, key.key.tonic)) fail('last note');
        // The last note lasts a whole beat or more (a quarter, or a dotted quarter in 6/8).
        const beat = isCompoundMeter(key.timeSignature) ? 1.5 : 1;
        if (toNumber(melody[melody.length - 1]!.duration) < beat) fail('short last note');
        expect(problems).toEqual([]);
        // The score plays the key chord for one bar, then exactly the melody.
        const played = q.score.parts[0]!.notes.filter((n) => toNumber(n.position) >= toNumber(q.leadIn));
        expect(eq(q.leadIn, measureLength(key.timeSignature))).toBe(true);
        expect(played.map((n) => [midiOf(n.pitch), formatRational(n.duration)])).toEqual(
          melody.map((n) => [midiOf(n.pitch!), formatRational(n.duration)]),
        );
        expect(q.given).toContain(`time signature ${formatTimeSignature(key.timeSignature)}`);
      }
    },
  );

  it('level 1 is four stepwise quarter notes in C major from and back to C4', () => {
    for (const seed of SEEDS.slice(0, 30)) {
      const key = dictationKey(melodicDictationQuestion(1, seed));
      expect(key.answer.map((n) => formatRational(n.duration))).toEqual(['1', '1', '1', '1']);
      expect(midiOf(key.answer[0]!.pitch!)).toBe(60);
      expect(midiOf(key.answer[3]!.pitch!)).toBe(60);
      for (const n of key.answer) expect(n.pitch!.alter).toBe(0);
    }
  });

  it('is reproducible from the seed and varies with it', () => {
    expect(melodicDictationQuestion(7, 9)).toEqual(melodicDictationQuestion(7, 9));
    const melodies = new Set(
      SEEDS.slice(0, 20).map((s) => JSON.stringify(dictationKey(melodicDictationQuestion(7, s)).answer)),
    );
    expect(melodies.size).toBe(20);
  });
});

describe('rhythm dictation', () => {
  it.each(LEVELS)('level %i: bars sum to the meter, values come from the level’s cells', (level) => {
    const model = RHYTHM_DICTATION_LEVELS[level - 1]!;
    let rests = 0;
    for (const seed of SEEDS) {
      const q = rhythmDictationQuestion(level, seed);
      const key = q.key;
      if (key.type !== 'rhythm_dictation') throw new Error('wrong type');
      expect(model.meters).toContain(formatTimeSignature(key.timeSignature));
      const problems = barProblems(key.answer, key.timeSignature, model.bars);
      const values = allowedValues(model.cells, key.timeSignature, true);
      for (const v of key.answer) {
        if (!values.has(`${v.rest ? 'r' : ''}${formatRational(v.duration)}`))
          problems.push(`value ${formatRational(v.duration)}`);
        if (v.pitch) problems.push('a pitch in a rhythm');
      }
      expect(problems).toEqual([]);
      expect(key.answer[0]!.rest).toBeUndefined();
      rests += key.answer.filter((v) => v.rest).length;
      // One bar of clicks on the beat, then one sounding note per written note (rests are silent).
      const notes = q.score.parts[0]!.notes;
      const clicks = notes.filter((n) => toNumber(n.position) < toNumber(q.leadIn));
      expect(clicks).toHaveLength(beatsPerMeasure(key.timeSignature));
      expect(notes.length - clicks.length).toBe(key.answer.filter((v) => !v.rest).length);
    }
    // Rests appear exactly from the level whose cells have them.
    const levelHasRests = model.cells.some((id) => rhythmCell(id).values.some((v) => v.rest));
    expect(rests > 0).toBe(levelHasRests);
  });

  it('level 1 is quarters and halves in 4/4; 6/8 arrives at level 6 in dotted-quarter beats', () => {
    for (const seed of SEEDS.slice(0, 30)) {
      const key = dictationKey(rhythmDictationQuestion(1, seed));
      expect(formatTimeSignature(key.timeSignature)).toBe('4/4');
      for (const v of key.answer) expect(['1', '2']).toContain(formatRational(v.duration));
    }
    const compound = SEEDS.map((s) => rhythmDictationQuestion(6, s)).filter(
      (q) => dictationKey(q).timeSignature.beatType === 8,
    );
    expect(compound.length).toBeGreaterThan(10);
    for (const q of compound)
      expect(
        q.score.parts[0]!.notes.filter((n) => toNumber(n.position) < 3).map((n) => toNumber(n.position)),
      ).toEqual([0, 1.5]);
  });
});
