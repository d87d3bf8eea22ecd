import {
  findScaleType,
  intervalBetween,
  intervalLongName,
  intervalName,
  iv,
  keyScale,
  keySignatureFifths,
  parseInterval,
  pitchName,
  samePitchClass,
  scaleNotes,
  transpose,
  type Pitch,
  type PitchClass,
  type Rng,
} from '@cadenza/core';
import {
  halfSteps,
  keyText,
  noteChoice,
  noteText,
  ordinal,
  pickKey,
  plainChoice,
  type QuestionMaker,
  type TheoryChoice,
} from './theory-choices.js';

/** A starting note between C4 and B4 with at most one sharp or flat. */
function startPitch(rng: Rng): Pitch {
  const tonic = pickKey(rng, 5).tonic;
  return { ...tonic, octave: 4 };
}

const intervalChoice = (name: string): TheoryChoice => ({
  id: name,
  label: intervalLongName(parseInterval(name)),
});

/** "What interval is E4 up to G4?" with the answer among `names` and wrong choices from `others`. */
function intervalQuestion(names: readonly string[], others: readonly string[]): QuestionMaker {
  return (rng) => {
    let low = startPitch(rng);
    let high = transpose(low, iv(rng.pick(names)));
    while (Math.abs(high.alter) > 1) {
      low = startPitch(rng);
      high = transpose(low, iv(rng.pick(names)));
    }
    const interval = intervalBetween(low, high);
    const name = intervalName(interval);
    const letters = Math.abs(interval.steps) + 1;
    return {
      prompt: `What is the interval from ${pitchName(low, true)} up to ${pitchName(high, true)}?`,
      answer: intervalChoice(name),
      distractors: [...names, ...others].map(intervalChoice),
      explanation:
        `${pitchName(low, true)} to ${pitchName(high, true)} spans ${letters} letter names and ` +
        `${halfSteps(interval.semitones)}: a ${intervalLongName(interval)}.`,
    };
  };
}

/** "A major third inverts to?": the note below moved up an octave. */
const inversionQuestion: QuestionMaker = (rng) => {
  const name = rng.pick(['m2', 'M2', 'm3', 'M3', 'P4', 'A4', 'P5', 'm6', 'M6', 'm7', 'M7']);
  const low: Pitch = { step: 'C', alter: 0, octave: 4 };
  const high = transpose(low, iv(name));
  const inverted = intervalBetween(high, { ...low, octave: 5 });
  const answer = intervalName(inverted);
  return {
    prompt: `Turn a ${intervalLongName(iv(name))} upside down (the lower note up an octave). What interval do you get?`,
    answer: intervalChoice(answer),
    distractors: ['m2', 'M2', 'm3', 'M3', 'P4', 'A4', 'd5', 'P5', 'm6', 'M6', 'm7', 'M7', name]
      .filter((n) => n !== answer)
      .map(intervalChoice),
    explanation:
      `${pitchName(high, true)} up to ${pitchName({ ...low, octave: 5 }, true)} is a ${intervalLongName(inverted)}: ` +
      `the numbers add up to 9 and major ↔ minor, augmented ↔ diminished, perfect stays perfect.`,
  };
};

/** Wrong notes near a right one: the other notes given and the answer with its accidental moved. */
const nearNotes = (answer: PitchClass, others: readonly PitchClass[]): PitchClass[] =>
  [
    { step: answer.step, alter: answer.alter + 1 },
    { step: answer.step, alter: answer.alter - 1 },
    ...others.filter((n) => !samePitchClass(n, answer)),
  ].filter((n) => Math.abs(n.alter) <= 1);

const majorScaleQuestion: QuestionMaker = (rng) => {
  const key = pickKey(rng, 5);
  const notes = keyScale(key);
  const degree = rng.int(2, 7);
  const note = notes[degree - 1] as PitchClass;
  return {
    prompt: `What is the ${ordinal(degree)} note of the ${keyText(key)} scale?`,
    answer: noteChoice(note),
    distractors: nearNotes(note, notes).map(noteChoice),
    explanation: `${keyText(key)} is ${notes.map(noteText).join(' ')} (whole, whole, half, whole, whole, whole, half steps): its ${ordinal(degree)} note is ${noteText(note)}.`,
  };
};

const signatureText = (fifths: number): string =>
  fifths === 0
    ? 'no sharps or flats'
    : `${Math.abs(fifths)} ${fifths > 0 ? 'sharp' : 'flat'}${Math.abs(fifths) > 1 ? 's' : ''}`;

const keySignatureQuestion: QuestionMaker = (rng) => {
  const key = pickKey(rng, 6, rng.chance(0.5) ? 'major' : 'minor');
  const fifths = keySignatureFifths(key);
  const near = [fifths - 1, fifths + 1, -fifths, fifths + 2, fifths - 2].filter((f) => Math.abs(f) <= 7);
  return {
    prompt: `How many sharps or flats does ${keyText(key)} have in its key signature?`,
    answer: plainChoice(fifths, signatureText(fifths)),
    distractors: near.map((f) => plainChoice(f, signatureText(f))),
    explanation: `${keyText(key)} is ${keyScale(key).map(noteText).join(' ')}: ${signatureText(fifths)}.`,
  };
};

const MINOR_SCALES = [
  ['aeolian', 'natural minor'],
  ['harmonic-minor', 'harmonic minor'],
  ['melodic-minor', 'melodic minor (going up)'],
] as const;

const minorScaleQuestion: QuestionMaker = (rng) => {
  const [id, name] = rng.pick(MINOR_SCALES);
  const tonic = pickKey(rng, 4, 'minor').tonic;
  const notes = scaleNotes(tonic, findScaleType(id));
  const degree = rng.pick([3, 6, 7, 7]);
  const note = notes[degree - 1] as PitchClass;
  return {
    prompt: `What is the ${ordinal(degree)} note of ${noteText(tonic)} ${name}?`,
    answer: noteChoice(note),
    distractors: nearNotes(note, notes).map(noteChoice),
    explanation: `${noteText(tonic)} ${name} is ${notes.map(noteText).join(' ')}: its ${ordinal(degree)} note is ${noteText(note)}.`,
  };
};

const pentatonicQuestion: QuestionMaker = (rng) => {
  const minor = rng.chance(0.5);
  const key = pickKey(rng, 4, minor ? 'minor' : 'major');
  const penta = scaleNotes(key.tonic, findScaleType(minor ? 'minor-pentatonic' : 'major-pentatonic'));
  const full = keyScale(key);
  const left = full.filter((n) => !penta.some((p) => samePitchClass(p, n)));
  const odd = rng.pick(left);
  return {
    prompt: `Which note is NOT in the ${keyText(key)} pentatonic scale?`,
    answer: noteChoice(odd),
    distractors: penta.map(noteChoice),
    explanation: `${keyText(key)} pentatonic is ${penta.map(noteText).join(' ')}: the ${keyText(key)} scale without ${left.map(noteText).join(' and ')}.`,
  };
};

const MODE_NAMES = ['ionian', 'dorian', 'phrygian', 'lydian', 'mixolydian', 'aeolian', 'locrian'] as const;

const sameSet = (a: readonly PitchClass[], b: readonly PitchClass[]): boolean =>
  a.length === b.length && a.every((x) => b.some((y) => samePitchClass(x, y)));

const modeQuestion: QuestionMaker = (rng) => {
  const key = pickKey(rng, 3);
  const notes = keyScale(key);
  const degree = rng.int(2, 7);
  const start = notes[degree - 1] as PitchClass;
  const mode = MODE_NAMES.find((m) => sameSet(scaleNotes(start, findScaleType(m)), notes)) ?? 'ionian';
  const name = (m: string): string => m.charAt(0).toUpperCase() + m.slice(1);
  return {
    prompt: `Play the notes of ${keyText(key)} from ${noteText(start)} to ${noteText(start)}. Which mode is that?`,
    answer: plainChoice(mode, name(mode)),
    distractors: MODE_NAMES.map((m) => plainChoice(m, name(m))),
    explanation: `${noteText(start)} ${name(mode)} (${scaleNotes(start, findScaleType(mode)).map(noteText).join(' ')}) uses the notes of ${keyText(key)} starting on its ${ordinal(degree)} degree.`,
  };
};

/** Question makers for the interval and scale topics. */
export const PITCH_QUESTIONS: Readonly<Record<string, QuestionMaker>> = {
  seconds: intervalQuestion(['m2', 'M2'], ['m3', 'M3', 'A2']),
  'perfect-intervals': intervalQuestion(['P4', 'P5', 'P8'], ['M3', 'A4', 'M6', 'm6', 'M7']),
  'thirds-sixths-sevenths': intervalQuestion(['m3', 'M3', 'm6', 'M6', 'm7', 'M7'], ['P4', 'P5']),
  'augmented-diminished-intervals': intervalQuestion(
    ['A4', 'd5', 'A5', 'd7', 'A2'],
    ['P4', 'P5', 'm6', 'M6', 'm3'],
  ),
  'interval-inversion': inversionQuestion,
  'major-scale': majorScaleQuestion,
  'key-signatures': keySignatureQuestion,
  'minor-scales': minorScaleQuestion,
  'pentatonic-scales': pentatonicQuestion,
  modes: modeQuestion,
};
