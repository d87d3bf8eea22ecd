import {
  intervalBetween,
  intervalLongName,
  midiOf,
  parseInterval,
  parsePitch,
  toNumber,
} from '@cadenza/core';
import { describe, expect, it } from 'vitest';
import {
  checkAnswer,
  explainInterval,
  INTERVAL_LEVELS,
  INTERVAL_RANGE,
  INTERVAL_REFERENCES,
  intervalQuestion,
  type EarTrainingQuestion,
} from '../src/ear-training/index.js';

const SEEDS = Array.from({ length: 100 }, (_, i) => i * 7919 + 3);
const LEVELS = Array.from({ length: 10 }, (_, i) => i + 1);

const cache = new Map<number, EarTrainingQuestion[]>();
/** The questions of a level for all SEEDS, made once and shared by the tests of this file. */
function questionsAt(level: number): EarTrainingQuestion[] {
  const made = cache.get(level) ?? SEEDS.map((seed) => intervalQuestion(level, seed));
  cache.set(level, made);
  return made;
}

function intervalKey(q: EarTrainingQuestion) {
  if (q.key.type !== 'interval_recognition') throw new Error('not an interval question');
  return q.key;
}

describe('interval recognition questions', () => {
  it.each(LEVELS)(
    'level %i: the played interval has exactly the stated semitones and letter steps',
    (level) => {
      const model = INTERVAL_LEVELS[level - 1]!;
      for (const q of questionsAt(level)) {
        const key = intervalKey(q);
        const size = parseInterval(key.answer);
        const sign = key.playback === 'melodic_down' ? -1 : 1;
        const [a, b] = key.notes;
        expect(midiOf(b) - midiOf(a)).toBe(sign * size.semitones);
        expect(intervalBetween(a, b)).toEqual({ steps: sign * size.steps, semitones: sign * size.semitones });
        expect(key.interval).toEqual(intervalBetween(a, b));
        expect(model.intervals).toContain(key.answer);
        expect(model.playbacks).toContain(key.playback);
        for (const p of key.notes) {
          expect(midiOf(p)).toBeGreaterThanOrEqual(INTERVAL_RANGE.low);
          expect(midiOf(p)).toBeLessThanOrEqual(INTERVAL_RANGE.high);
          expect(Math.abs(p.alter)).toBeLessThanOrEqual(1);
        }
        // The score plays exactly those two notes: one after the other, or together.
        const notes = q.score.parts[0]!.notes;
        expect(notes.map((n) => midiOf(n.pitch))).toEqual([midiOf(a), midiOf(b)]);
        const together = toNumber(notes[0]!.position) === toNumber(notes[1]!.position);
        expect(together).toBe(key.playback === 'harmonic');
      }
    },
  );

  it.each(LEVELS)(
    'level %i: the choices hold the answer exactly once, as many as the model says',
    (level) => {
      const model = INTERVAL_LEVELS[level - 1]!;
      for (const q of questionsAt(level)) {
        const ids = q.choices.map((c) => c.id);
        expect(ids.filter((id) => id === intervalKey(q).answer)).toHaveLength(1);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toHaveLength(Math.min(model.choices, model.intervals.length));
        for (const id of ids) expect(model.intervals).toContain(id);
        // Buttons keep the model's order (smallest interval first).
        expect(ids).toEqual(model.intervals.filter((id) => ids.includes(id)));
      }
    },
  );

  it('the model grows from 2 choices to all of them, and each level plays every interval and way it lists', () => {
    expect(INTERVAL_LEVELS.map((l) => l.choices)).toEqual([2, 3, 3, 4, 5, 6, 8, 10, 12, 16]);
    expect(INTERVAL_LEVELS[8]!.choices).toBe(INTERVAL_LEVELS[8]!.intervals.length);
    expect(INTERVAL_LEVELS[9]!.choices).toBe(INTERVAL_LEVELS[9]!.intervals.length);
    for (const [i, model] of INTERVAL_LEVELS.entries()) {
      const seen = new Set<string>();
      const ways = new Set<string>();
      for (const q of questionsAt(i + 1)) {
        const key = intervalKey(q);
        seen.add(key.answer);
        ways.add(key.playback);
      }
      expect([...seen].sort()).toEqual([...model.intervals].sort());
      expect([...ways].sort()).toEqual([...model.playbacks].sort());
    }
  });

  it('is reproducible from the seed', () => {
    expect(intervalQuestion(6, 42)).toEqual(intervalQuestion(6, 42));
    const answers = new Set(SEEDS.slice(0, 40).map((s) => intervalKey(intervalQuestion(6, s)).answer));
    expect(answers.size).toBeGreaterThan(5);
  });

  it('every simple interval has a reference for rising, falling and together', () => {
    for (const name of INTERVAL_LEVELS[8]!.intervals) {
      const ref = INTERVAL_REFERENCES[name];
      expect(ref?.up.length).toBeGreaterThan(10);
      expect(ref?.down.length).toBeGreaterThan(10);
      expect(ref?.together.length).toBeGreaterThan(10);
    }
  });
});

describe('interval explanations', () => {
  it('names the interval, its half steps and the notes: C up to A♭ is a minor sixth', () => {
    const a = parsePitch('C4');
    const b = parsePitch('Ab4');
    const text = explainInterval({
      name: 'm6',
      playback: 'melodic_up',
      notes: [a, b],
      interval: intervalBetween(a, b),
    });
    expect(text).toMatch(
      /^That was a minor sixth: 8 half steps \(C up to A♭\), 6 letter names: C D E F G A\. /,
    );
    expect(text).toContain('The Entertainer');
  });

  it('falling and together use the falling reference and the sound of both notes', () => {
    const e = parsePitch('E5');
    const d = parsePitch('D#5');
    const down = explainInterval({
      name: 'm2',
      playback: 'melodic_down',
      notes: [e, d],
      interval: intervalBetween(e, d),
    });
    expect(down).toMatch(/^That was a minor second: 1 half step \(E down to D♯\)/);
    expect(down).toContain('Für Elise');
    const g = parsePitch('G3');
    const dd = parsePitch('D4');
    const both = explainInterval({
      name: 'P5',
      playback: 'harmonic',
      notes: [g, dd],
      interval: intervalBetween(g, dd),
    });
    expect(both).toMatch(/^That was a perfect fifth: 7 half steps \(G and D together\)/);
    expect(both).toContain('Twinkle');
  });

  it.each(LEVELS)('level %i: checking names the right interval and half steps, right or wrong', (level) => {
    for (const q of questionsAt(level).slice(0, 30)) {
      const key = intervalKey(q);
      const name = intervalLongName(parseInterval(key.answer));
      const semis = Math.abs(key.interval.semitones);
      const right = checkAnswer(q, { kind: 'choice', choice: key.answer });
      expect(right.correct).toBe(true);
      expect(right.correctChoice).toBe(key.answer);
      expect(right.correctAnswer).toBe(name);
      expect(right.explanation).toContain(
        `That was ${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}: ${semis} half step`,
      );
      const wrong = q.choices.find((c) => c.id !== key.answer)!;
      const miss = checkAnswer(q, { kind: 'choice', choice: wrong.id });
      expect(miss.correct).toBe(false);
      expect(miss.explanation).toContain(`You chose`);
      expect(miss.explanation).toContain(`${Math.abs(parseInterval(wrong.id).semitones)} half step`);
      expect(miss.explanation).toContain(`${name}: ${semis} half step`);
    }
  });
});
