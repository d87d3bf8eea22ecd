import {
  buildChord,
  intervalLongName,
  simplify,
  CHORD_TYPE_BY_ID,
  iv,
  keyFromFifths,
  keyScale,
  keySignatureFifths,
  parallelKey,
  realizeRomanNumeral,
  samePitchClass,
  transposeClass,
  type ChordType,
  type Key,
  type PitchClass,
  type Rng,
} from '@cadenza/core';
import {
  keyChoice,
  keyText,
  noteChoice,
  noteText,
  ordinal,
  pickKey,
  plainChoice,
  spelled,
  symbolText,
  type QuestionMaker,
} from './theory-choices.js';

function chordType(id: string): ChordType {
  const t = CHORD_TYPE_BY_ID.get(id);
  if (!t) throw new RangeError(`internal: no chord type ${id}`);
  return t;
}

/** A root with at most one sharp or flat whose chord of this type needs no double accidentals. */
function chordRoot(rng: Rng, typeId: string): PitchClass {
  for (;;) {
    const root = pickKey(rng, 5).tonic;
    if (buildChord(root, chordType(typeId)).notes.every((n) => Math.abs(n.alter) <= 1)) return root;
  }
}

const QUALITY_WORDS: Readonly<Record<string, string>> = {
  major: 'major',
  minor: 'minor',
  dim: 'diminished',
  aug: 'augmented',
  maj7: 'major 7th',
  m7: 'minor 7th',
  '7': 'dominant 7th',
  m7b5: 'half-diminished 7th',
  dim7: 'diminished 7th',
};

/** "Which triad is spelled E♭–G–B♭?" over the given chord types. */
function qualityQuestion(types: readonly string[], what: string): QuestionMaker {
  return (rng) => {
    const id = rng.pick(types);
    const root = chordRoot(rng, id);
    const chord = buildChord(root, chordType(id));
    const steps = chord.intervals.map((i) => i.semitones);
    return {
      prompt: `Which ${what} is spelled ${spelled(chord.notes)}?`,
      answer: plainChoice(id, `${noteText(root)} ${QUALITY_WORDS[id] ?? id}`),
      distractors: types.map((t) => plainChoice(t, `${noteText(root)} ${QUALITY_WORDS[t] ?? t}`)),
      explanation: `From ${noteText(root)} the notes lie ${steps.slice(1).join(', ')} half steps up: ${noteText(root)} ${QUALITY_WORDS[id] ?? id} (${symbolText(chord.symbol)}).`,
    };
  };
}

const POSITION_WORDS = ['root position', 'first inversion', 'second inversion', 'third inversion'];

const inversionQuestion: QuestionMaker = (rng) => {
  const id = rng.pick(['major', 'minor', 'major', 'minor', '7', 'maj7']);
  const root = chordRoot(rng, id);
  const chord = buildChord(root, chordType(id));
  const inversion = rng.int(0, chord.notes.length - 1);
  const fromBass = [...chord.notes.slice(inversion), ...chord.notes.slice(0, inversion)];
  const bassRole = ['root', '3rd', '5th', '7th'][inversion] ?? 'root';
  return {
    prompt: `${symbolText(chord.symbol)} is played ${spelled(fromBass)} from the bass up. Which position is it in?`,
    answer: plainChoice(inversion, POSITION_WORDS[inversion]),
    distractors: POSITION_WORDS.slice(0, chord.notes.length).map((w, i) => plainChoice(i, w)),
    explanation: `The bass note ${noteText(fromBass[0] as PitchClass)} is the chord's ${bassRole}: ${POSITION_WORDS[inversion] ?? ''}.`,
  };
};

const EXTENSIONS = [
  ['maj9', 'M9', '9th'],
  ['9', 'M9', '9th'],
  ['m11', 'P11', '11th'],
  ['13', 'M13', '13th'],
  ['7b9', 'm9', '♭9'],
  ['7#11', 'A11', '♯11'],
] as const;

const extensionQuestion: QuestionMaker = (rng) => {
  const [id, interval, word] = rng.pick(EXTENSIONS);
  const root = chordRoot(rng, id);
  const chord = buildChord(root, chordType(id));
  const note = transposeClass(root, iv(interval));
  const around = [
    { step: note.step, alter: note.alter + 1 },
    { step: note.step, alter: note.alter - 1 },
    ...chord.notes.filter((n) => !samePitchClass(n, note)),
  ];
  return {
    prompt: `Which note is the ${word} of ${symbolText(chord.symbol)}?`,
    answer: noteChoice(note),
    distractors: around.map(noteChoice),
    explanation: `${symbolText(chord.symbol)} stacks ${spelled(chord.notes)}; the ${word} is ${noteText(note)}, the ${intervalLongName(simplify(iv(interval)))} above ${noteText(root)} an octave higher.`,
  };
};

const DIATONIC = ['I', 'ii', 'iii', 'IV', 'V', 'vi'] as const;

const diatonicQuestion: QuestionMaker = (rng) => {
  const key = pickKey(rng, 4);
  const numeral = rng.pick(DIATONIC);
  const chord = realizeRomanNumeral(numeral, key);
  return {
    prompt: `In ${keyText(key)}, which chord is ${numeral}?`,
    answer: plainChoice(chord.symbol, symbolText(chord.symbol)),
    distractors: DIATONIC.map((n) => {
      const c = realizeRomanNumeral(n, key).symbol;
      return plainChoice(c, symbolText(c));
    }),
    explanation: `${numeral} is built on the scale's ${ordinal(DIATONIC.indexOf(numeral) + 1)} degree (${noteText(chord.root)}) from the key's own notes: ${spelled(chord.notes)}.`,
  };
};

const twoFiveOne = (key: Key): string =>
  ['ii7', 'V7', 'Imaj7'].map((n) => symbolText(realizeRomanNumeral(n, key).symbol)).join(' – ');

const twoFiveOneQuestion: QuestionMaker = (rng) => {
  const key = pickKey(rng, 4);
  const f = keySignatureFifths(key);
  const others = [1, -1, 2, -2, 5].map((d) => keyFromFifths(f + d));
  return {
    prompt: `Which is the ii–V–I in ${keyText(key)}?`,
    answer: plainChoice(twoFiveOne(key)),
    distractors: others.map((k) => plainChoice(twoFiveOne(k))),
    explanation: `In ${keyText(key)} ii7 is ${symbolText(realizeRomanNumeral('ii7', key).symbol)}, V7 is ${symbolText(realizeRomanNumeral('V7', key).symbol)} and Imaj7 is ${symbolText(realizeRomanNumeral('Imaj7', key).symbol)}: roots falling by fifths to the tonic.`,
  };
};

const circleQuestion: QuestionMaker = (rng) => {
  const key = pickKey(rng, 5);
  const f = keySignatureFifths(key);
  const up = rng.chance(0.5);
  const next = keyFromFifths(f + (up ? 1 : -1));
  return {
    prompt: `On the circle of fifths, which key comes ${up ? 'clockwise (a fifth up)' : 'anticlockwise (a fifth down)'} after ${keyText(key)}?`,
    answer: keyChoice(next),
    distractors: [f - (up ? 1 : -1), f + 2, f - 2, f + 3].map((x) => keyChoice(keyFromFifths(x))),
    explanation: `${keyText(next)} is a fifth ${up ? 'above' : 'below'} ${keyText(key)}; its signature has one ${up ? 'sharp more (or flat fewer)' : 'flat more (or sharp fewer)'}.`,
  };
};

/** In a major key: iv, ♭III, ♭VI, ♭VII come from the parallel minor. */
const BORROWED = ['iv', 'III', 'VI', 'VII'] as const;

const interchangeQuestion: QuestionMaker = (rng) => {
  const key = pickKey(rng, 3);
  const minor = parallelKey(key);
  const borrowed = realizeRomanNumeral(rng.pick(BORROWED), minor);
  const scale = keyScale(key);
  const outside = borrowed.notes.filter((n) => !scale.some((s) => samePitchClass(s, n)));
  return {
    prompt: `In ${keyText(key)}, which chord is borrowed from ${keyText(minor)}?`,
    answer: plainChoice(borrowed.symbol, symbolText(borrowed.symbol)),
    distractors: ['ii', 'IV', 'V', 'vi', 'iii'].map((n) => {
      const c = realizeRomanNumeral(n, key).symbol;
      return plainChoice(c, symbolText(c));
    }),
    explanation: `${symbolText(borrowed.symbol)} (${spelled(borrowed.notes)}) uses ${outside.map(noteText).join(' and ')} from ${keyText(minor)}, which ${keyText(key)} does not have; the others are ${keyText(key)}'s own chords.`,
  };
};

/** Question makers for the chord and progression topics. */
export const CHORD_QUESTIONS: Readonly<Record<string, QuestionMaker>> = {
  triads: qualityQuestion(['major', 'minor', 'dim', 'aug'], 'triad'),
  'chord-inversions': inversionQuestion,
  'seventh-chords': qualityQuestion(['maj7', 'm7', '7', 'm7b5', 'dim7'], 'seventh chord'),
  'extended-chords': extensionQuestion,
  'diatonic-progressions': diatonicQuestion,
  'ii-v-i': twoFiveOneQuestion,
  'circle-of-fifths': circleQuestion,
  'modal-interchange': interchangeQuestion,
};
