import { createRng, eq, formatRational, midiOf, parsePitch, rat, spellMidi, type Pitch } from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import {
  checkAnswer,
  generateEarTrainingQuestion,
  gradeDictation,
  intervalQuestion,
  melodicDictationQuestion,
  readStudentAnswer,
  rhythmDictationQuestion,
  type DictationNote,
  type EarTrainingQuestion,
} from '../src/ear-training/index.js';
import { RequestFieldError } from '../src/arrange/request/resolve-request.js';

const SEEDS = Array.from({ length: 150 }, (_, i) => i * 31337 + 1);

function answerOf(q: EarTrainingQuestion): readonly DictationNote[] {
  if (q.key.type !== 'melodic_dictation' && q.key.type !== 'rhythm_dictation')
    throw new Error('not a dictation');
  return q.key.answer;
}

/** A different note value of the same kind, so the mistake is a rhythm mistake only. */
const otherDuration = (n: DictationNote): DictationNote => ({
  ...n,
  duration: eq(n.duration, rat(1)) ? rat(1, 2) : rat(1),
});
/** The pitch a half step up or down, spelled plainly. */
const otherPitch = (p: Pitch, up: boolean): Pitch => spellMidi(midiOf(p) + (up ? 1 : -1));

const sameNote = (a: DictationNote, b: DictationNote | undefined): boolean =>
  !!b &&
  eq(a.duration, b.duration) &&
  !!a.rest === !!b.rest &&
  (a.pitch && b.pitch ? midiOf(a.pitch) === midiOf(b.pitch) : a.pitch === b.pitch);

describe('dictation grading', () => {
  it('marks exactly the notes made wrong, by pitch and by rhythm, over many melodies', () => {
    for (const seed of SEEDS) {
      const q = melodicDictationQuestion((seed % 10) + 1, seed);
      const key = answerOf(q);
      const rng = createRng(seed);
      const wrongPitch = new Set<number>();
      const wrongRhythm = new Set<number>();
      const written = key.map((n, i) => {
        let out = n;
        if (rng.chance(0.25)) {
          out = { ...out, pitch: otherPitch(n.pitch!, rng.chance(0.5)) };
          wrongPitch.add(i);
        }
        if (rng.chance(0.2)) {
          out = otherDuration(out);
          wrongRhythm.add(i);
        }
        return out;
      });
      const grade = gradeDictation(key, written, { withPitch: true });
      expect(grade.extra).toEqual([]);
      expect(grade.notes).toHaveLength(key.length);
      grade.notes.forEach((g, i) => {
        expect(g.index).toBe(i);
        expect(g.givenIndex).toBe(i);
        expect(g.pitchCorrect).toBe(!wrongPitch.has(i));
        expect(g.rhythmCorrect).toBe(!wrongRhythm.has(i));
        expect(g.correct).toBe(!wrongPitch.has(i) && !wrongRhythm.has(i));
        expect(g.comment === '').toBe(g.correct);
      });
      expect(grade.pitchAccuracy).toBeCloseTo(1 - wrongPitch.size / key.length, 10);
      expect(grade.rhythmAccuracy).toBeCloseTo(1 - wrongRhythm.size / key.length, 10);
      expect(grade.score).toBe(
        Math.round((100 * (2 * key.length - wrongPitch.size - wrongRhythm.size)) / (2 * key.length)),
      );
      expect(grade.allCorrect).toBe(wrongPitch.size + wrongRhythm.size === 0);
    }
  });

  it('a left-out note is the one marked missing; an added note is extra; the rest stay right', () => {
    let checked = 0;
    for (const seed of SEEDS) {
      const key = answerOf(melodicDictationQuestion((seed % 10) + 1, seed));
      if (key.length < 4) continue;
      const k = 1 + (seed % (key.length - 2));
      // Only where the note differs from both neighbours, so which note is missing is unambiguous.
      if (sameNote(key[k]!, key[k - 1]) || sameNote(key[k]!, key[k + 1])) continue;
      checked++;
      const missing = gradeDictation(key, [...key.slice(0, k), ...key.slice(k + 1)], { withPitch: true });
      expect(missing.notes.filter((g) => !g.correct).map((g) => g.index)).toEqual([k]);
      expect(missing.notes[k]!.given).toBeNull();
      expect(missing.notes[k]!.comment).toMatch(/^missing: /);
      const added: DictationNote = { pitch: parsePitch('C#7'), duration: rat(1, 4) };
      const extra = gradeDictation(key, [...key.slice(0, k), added, ...key.slice(k)], { withPitch: true });
      expect(extra.notes.every((g) => g.correct)).toBe(true);
      expect(extra.extra).toEqual([{ givenIndex: k, given: added }]);
      expect(extra.allCorrect).toBe(false);
      expect(extra.score).toBeLessThan(100);
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('a note added early and one left out at the end: only those two are marked, not the passage between', () => {
    let checked = 0;
    for (const seed of SEEDS) {
      const key = answerOf(melodicDictationQuestion(6 + (seed % 5), seed));
      if (key.length < 10) continue;
      // Notes 2 to the end must differ from their neighbours, so the shift is the only good reading.
      if (key.slice(1).some((n, i) => sameNote(n, key[i]))) continue;
      checked++;
      const added: DictationNote = { pitch: parsePitch('C#7'), duration: rat(1, 4) };
      const written = [key[0]!, added, ...key.slice(1, -1)];
      const grade = gradeDictation(key, written, { withPitch: true });
      expect(grade.extra.map((x) => x.givenIndex)).toEqual([1]);
      expect(grade.notes.filter((g) => !g.correct).map((g) => g.index)).toEqual([key.length - 1]);
      expect(grade.notes[key.length - 1]!.given).toBeNull();
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('rhythm dictation: exactly the changed values and rests are wrong', () => {
    for (const seed of SEEDS) {
      const key = answerOf(rhythmDictationQuestion((seed % 10) + 1, seed));
      const rng = createRng(seed + 1);
      const changed = new Set<number>();
      const written = key.map((n, i) => {
        if (!rng.chance(0.2)) return n;
        changed.add(i);
        return rng.chance(0.5)
          ? otherDuration(n)
          : { duration: n.duration, ...(n.rest ? {} : { rest: true }) };
      });
      const grade = gradeDictation(key, written, { withPitch: false });
      expect(grade.pitchAccuracy).toBeNull();
      expect(grade.notes.filter((g) => !g.correct).map((g) => g.index)).toEqual(
        [...changed].sort((a, b) => a - b),
      );
      for (const g of grade.notes) expect(g.pitchCorrect).toBeNull();
    }
  });

  it('an enharmonic spelling counts as the right pitch, with a note on the key’s spelling', () => {
    const key: DictationNote[] = [
      { pitch: parsePitch('Ab4'), duration: rat(1) },
      { pitch: parsePitch('G4'), duration: rat(1) },
    ];
    const grade = gradeDictation(key, [{ pitch: parsePitch('G#4'), duration: rat(1) }, key[1]!], {
      withPitch: true,
    });
    expect(grade.notes[0]!.pitchCorrect).toBe(true);
    expect(grade.notes[0]!.correct).toBe(true);
    expect(grade.notes[0]!.comment).toBe('right sound; in this key it is written A♭4');
    expect(grade.allCorrect).toBe(true);
  });

  it('checkAnswer explains which notes were wrong and gives the written-out key', () => {
    const q = melodicDictationQuestion(1, 5);
    const key = answerOf(q);
    const written = key.map((n, i) => (i === 2 ? { ...n, pitch: otherPitch(n.pitch!, true) } : n));
    const result = checkAnswer(q, { kind: 'notes', notes: written });
    expect(result.correct).toBe(false);
    expect(result.correctChoice).toBeNull();
    expect(result.correctAnswer.split(', ')).toHaveLength(4);
    expect(result.explanation).toContain('3 of 4 right');
    expect(result.explanation).toMatch(/Note 3: pitch: you wrote \S+, it was \S+\./);
    expect(result.grading?.notes.map((g) => g.correct)).toEqual([true, true, false, true]);
    const perfect = checkAnswer(q, { kind: 'notes', notes: key });
    expect(perfect.correct).toBe(true);
    expect(perfect.grading?.score).toBe(100);
  });
});

describe('reading and checking answers', () => {
  it('reads dictation answers in quarter notes, as fractions or numbers', () => {
    const answer = readStudentAnswer('melodic_dictation', [
      { pitch: 'F#4', duration: '3/2' },
      { pitch: 'G4', duration: 0.5 },
      { pitch: 'A4', duration: 1 / 3 },
    ]);
    if (answer.kind !== 'notes') throw new Error('expected notes');
    expect(answer.notes.map((n) => formatRational(n.duration))).toEqual(['3/2', '1/2', '1/3']);
    expect(answer.notes[0]!.pitch).toEqual({ step: 'F', alter: 1, octave: 4 });
    const rhythm = readStudentAnswer('rhythm_dictation', [{ duration: '1' }, { duration: '1', rest: true }]);
    expect(rhythm).toEqual({
      kind: 'notes',
      notes: [{ duration: rat(1) }, { duration: rat(1), rest: true }],
    });
    expect(readStudentAnswer('interval_recognition', ' m3 ')).toEqual({ kind: 'choice', choice: 'm3' });
  });

  it.each([
    [
      'melodic_dictation',
      [
        { pitch: 'C4', duration: '1' },
        { pitch: 'H4', duration: '1' },
      ],
      'answer.1.pitch',
    ],
    ['melodic_dictation', [{ duration: '1' }], 'answer.0.pitch'],
    ['rhythm_dictation', [{ duration: 'quarter' }], 'answer.0.duration'],
    ['rhythm_dictation', [{ duration: 0 }], 'answer.0.duration'],
    ['rhythm_dictation', 'm3', 'answer'],
    ['chord_quality', ['major'], 'answer'],
  ] as const)('%s: %j is refused naming %s', (type, raw, field) => {
    expect(() => readStudentAnswer(type, raw)).toThrow(RequestFieldError);
    try {
      readStudentAnswer(type, raw);
    } catch (error) {
      expect((error as RequestFieldError).field).toBe(field);
    }
  });

  it('refuses a choice the question did not offer and an answer of the wrong kind', () => {
    const q = intervalQuestion(1, 3);
    const offered = q.choices.map((c) => c.id);
    const notOffered = ['m2', 'M7', 'M3', 'P5', 'P8'].find((id) => !offered.includes(id))!;
    expect(() => checkAnswer(q, { kind: 'choice', choice: notOffered })).toThrow(
      /not one of this question's choices/,
    );
    expect(() => checkAnswer(q, { kind: 'notes', notes: [] })).toThrow(RequestFieldError);
    expect(() => checkAnswer(melodicDictationQuestion(2, 3), { kind: 'choice', choice: 'm3' })).toThrow(
      RequestFieldError,
    );
  });

  it.each([
    [{ type: 'pitch_matching', difficulty: 3, seed: 1 }, 'type'],
    [{ type: 'chord_quality', difficulty: 0, seed: 1 }, 'difficulty'],
    [{ type: 'chord_quality', difficulty: 11, seed: 1 }, 'difficulty'],
    [{ type: 'chord_quality', difficulty: 2.5, seed: 1 }, 'difficulty'],
    [{ type: 'rhythm_dictation', difficulty: 4, seed: -1 }, 'seed'],
  ])('generateEarTrainingQuestion(%j) names the bad field %s', (request, field) => {
    try {
      generateEarTrainingQuestion(request);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RequestFieldError);
      expect((error as RequestFieldError).field).toBe(field);
    }
  });
});
