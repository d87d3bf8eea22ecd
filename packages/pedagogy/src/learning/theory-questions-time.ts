import {
  analyzeChord,
  keyFromFifths,
  keyScale,
  keySignatureFifths,
  measureLength,
  parallelKey,
  parseTimeSignature,
  realizeRomanNumeral,
  relativeKey,
  samePitchClass,
  toNumber,
  type Key,
  type PitchClass,
} from '@cadenza/core';
import {
  keyChoice,
  keyText,
  noteText,
  ordinal,
  pickKey,
  plainChoice,
  spelled,
  symbolText,
  type QuestionMaker,
} from './theory-choices.js';

/** Note values in quarter notes. */
const VALUES: Readonly<Record<string, number>> = {
  whole: 4,
  'dotted half': 3,
  half: 2,
  'dotted quarter': 1.5,
  quarter: 1,
  eighth: 0.5,
  sixteenth: 0.25,
};

const article = (word: string): string => (/^[aeiou]/.test(word) ? 'an' : 'a');

const noteValueQuestion: QuestionMaker = (rng) => {
  const pairs = Object.keys(VALUES).flatMap((long) =>
    Object.keys(VALUES)
      .filter((short) => {
        const ratio = (VALUES[long] ?? 0) / (VALUES[short] ?? 1);
        return ratio >= 2 && Number.isInteger(ratio);
      })
      .map((short) => [long, short] as const),
  );
  const [long, short] = rng.pick(pairs);
  const count = (VALUES[long] ?? 0) / (VALUES[short] ?? 1);
  const near = [count - 1, count + 1, count * 2, count / 2, count + 2].filter(
    (n) => n > 0 && Number.isInteger(n),
  );
  return {
    prompt: `How many ${short} notes last as long as one ${long} note?`,
    answer: plainChoice(count),
    distractors: near.map((n) => plainChoice(n)),
    explanation: `Counted in quarter notes, a ${long} note lasts ${VALUES[long]} and ${article(short)} ${short} note ${VALUES[short]}: ${VALUES[long]} ÷ ${VALUES[short]} = ${count}.`,
  };
};

const METERS = ['2/4', '3/4', '4/4', '5/4', '2/2', '3/8', '6/8', '9/8', '12/8', '7/8'] as const;

const timeSignatureQuestion: QuestionMaker = (rng) => {
  const text = rng.pick(METERS);
  const ts = parseTimeSignature(text);
  const unit = rng.pick(['quarter', 'eighth'] as const);
  const bar = toNumber(measureLength(ts));
  const count = bar / (VALUES[unit] ?? 1);
  const near = [count - 1, count + 1, count * 2, count / 2, ts.beats].filter((n) => n > 0 && n !== count);
  return {
    prompt: `How many ${unit} notes fill one bar of ${text}?`,
    answer: plainChoice(count),
    distractors: near.map((n) => plainChoice(n)),
    explanation: `${text} has ${ts.beats} ${ts.beatType === 4 ? 'quarter' : ts.beatType === 8 ? 'eighth' : 'half'} notes in a bar, ${bar} quarter notes long: ${count} ${unit} notes.`,
  };
};

/** A bar of 4/4 with one quarter note starting on an off-beat "and" and held across the next beat. */
const syncopationQuestion: QuestionMaker = (rng) => {
  const before = rng.int(0, 2);
  const values = [...Array<number>(before).fill(1), 0.5, 1, 0.5, ...Array<number>(2 - before).fill(1)];
  const names = values.map((v) => (v === 1 ? 'quarter' : 'eighth'));
  const index = before + 1; // the quarter after the eighth, 0-based
  let start = 0;
  const starts = values.map((v) => {
    const s = start;
    start += v;
    return s;
  });
  const count = (s: number): string => (Number.isInteger(s) ? String(s + 1) : `${Math.floor(s) + 1}&`);
  return {
    prompt: `A bar of 4/4 reads: ${names.join(', ')}. Which note is syncopated (starts off the beat and is held across the next beat)?`,
    answer: plainChoice(index + 1, `the ${ordinal(index + 1)} note`),
    distractors: values.map((_, i) => plainChoice(i + 1, `the ${ordinal(i + 1)} note`)),
    explanation: `Counting 1 & 2 & 3 & 4 &, the notes start on ${starts.map(count).join(', ')}: the ${ordinal(index + 1)} starts on ${count(starts[index] ?? 0)} and is held through beat ${Math.ceil(starts[index] ?? 0) + 1}.`,
  };
};

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

const polyrhythmQuestion: QuestionMaker = (rng) => {
  const [a, b] = rng.pick([
    [3, 2],
    [4, 3],
    [5, 4],
    [5, 3],
    [5, 2],
    [6, 4],
    [7, 4],
  ] as const);
  const grid = (a * b) / gcd(a, b);
  return {
    prompt: `To count a ${a}-against-${b} polyrhythm, both parts are placed on one grid of equal pulses. How many pulses does the grid need?`,
    answer: plainChoice(grid),
    distractors: [a + b, a * b, grid * 2, grid - 1, grid + 1]
      .filter((n) => n !== grid)
      .map((n) => plainChoice(n)),
    explanation: `The smallest number both ${a} and ${b} divide is ${grid}: the ${a}-part plays every ${grid / a} pulses and the ${b}-part every ${grid / b}.`,
  };
};

const NUMERALS_ASKED = ['I', 'ii', 'iii', 'IV', 'V', 'vi', 'V7', 'ii7', 'Imaj7', 'IVmaj7'] as const;

const romanNumeralQuestion: QuestionMaker = (rng) => {
  const key = pickKey(rng, 4);
  const chord = realizeRomanNumeral(rng.pick(NUMERALS_ASKED), key);
  const analysis = analyzeChord(chord, key);
  return {
    prompt: `In ${keyText(key)}, what is the Roman numeral of ${symbolText(chord.symbol)}?`,
    answer: plainChoice(analysis.numeral),
    distractors: NUMERALS_ASKED.map((n) =>
      plainChoice(analyzeChord(realizeRomanNumeral(n, key), key).numeral),
    ),
    explanation: `${symbolText(chord.symbol)} (${spelled(chord.notes)}): ${analysis.description}.`,
  };
};

const FUNCTIONS = ['tonic', 'predominant', 'dominant'] as const;

const functionQuestion: QuestionMaker = (rng) => {
  const key = pickKey(rng, 4);
  const chord = realizeRomanNumeral(rng.pick(['I', 'vi', 'ii', 'IV', 'ii7', 'V', 'V7', 'vii°']), key);
  const analysis = analyzeChord(chord, key);
  return {
    prompt: `In ${keyText(key)}, what is the function of ${symbolText(chord.symbol)}?`,
    answer: plainChoice(analysis.function),
    distractors: FUNCTIONS.map((f) => plainChoice(f)),
    explanation: `${symbolText(chord.symbol)} is ${analysis.numeral} in ${keyText(key)}: ${analysis.description}. Tonic chords rest, predominants lead away, dominants pull home.`,
  };
};

const NON_CHORD_TONES = ['passing tone', 'neighbour tone', 'chord tone'] as const;

/** A three-note melody over a triad: chord tone, then the middle note, then a chord tone. */
const nonChordToneQuestion: QuestionMaker = (rng) => {
  const key = pickKey(rng, 3);
  const scale = keyScale(key);
  const degree = rng.pick([0, 3, 4]);
  const chord = realizeRomanNumeral(['I', 'ii', 'iii', 'IV', 'V'][degree] ?? 'I', key);
  const at = (d: number): PitchClass => scale[((d % 7) + 7) % 7] as PitchClass;
  const kind = rng.pick(NON_CHORD_TONES);
  const root = degree;
  const melody =
    kind === 'passing tone'
      ? [at(root), at(root + 1), at(root + 2)]
      : kind === 'neighbour tone'
        ? [at(root + 2), at(root + 3), at(root + 2)]
        : [at(root), at(root + 2), at(root + 4)];
  const middle = melody[1] as PitchClass;
  const inChord = chord.notes.some((n) => samePitchClass(n, middle));
  return {
    prompt: `Over ${symbolText(chord.symbol)} (${spelled(chord.notes)}) the melody moves ${spelled(melody)}. What is the ${noteText(middle)}?`,
    answer: plainChoice(kind),
    distractors: NON_CHORD_TONES.map((k) => plainChoice(k)),
    explanation: inChord
      ? `${noteText(middle)} belongs to ${symbolText(chord.symbol)}: a chord tone.`
      : kind === 'passing tone'
        ? `${noteText(middle)} is not in ${symbolText(chord.symbol)}; it fills the step between two chord tones moving one way: a passing tone.`
        : `${noteText(middle)} is not in ${symbolText(chord.symbol)}; it steps away from a chord tone and back to it: a neighbour tone.`,
  };
};

const RELATIONS: readonly (readonly [string, (k: Key) => Key])[] = [
  ['dominant', (k) => keyFromFifths(keySignatureFifths(k) + 1, k.mode)],
  ['subdominant', (k) => keyFromFifths(keySignatureFifths(k) - 1, k.mode)],
  ['relative', relativeKey],
  ['parallel', parallelKey],
];

const modulationQuestion: QuestionMaker = (rng) => {
  const key = pickKey(rng, 4, rng.chance(0.7) ? 'major' : 'minor');
  const [relation, move] = rng.pick(RELATIONS);
  const target = move(key);
  return {
    prompt: `A piece in ${keyText(key)} modulates to its ${relation} key. Which key is that?`,
    answer: keyChoice(target),
    distractors: RELATIONS.map(([, m]) => keyChoice(m(key))),
    explanation: `The ${relation} key of ${keyText(key)} is ${keyText(target)}: ${
      relation === 'relative'
        ? 'the same key signature, the other mode'
        : relation === 'parallel'
          ? 'the same tonic, the other mode'
          : `a fifth ${relation === 'dominant' ? 'above' : 'below'}, one accidental apart`
    }.`,
  };
};

/** Question makers for the rhythm and harmony topics. */
export const TIME_AND_HARMONY_QUESTIONS: Readonly<Record<string, QuestionMaker>> = {
  'note-values': noteValueQuestion,
  'time-signatures': timeSignatureQuestion,
  syncopation: syncopationQuestion,
  polyrhythm: polyrhythmQuestion,
  'roman-numerals': romanNumeralQuestion,
  'functional-harmony': functionQuestion,
  'non-chord-tones': nonChordToneQuestion,
  modulation: modulationQuestion,
};
