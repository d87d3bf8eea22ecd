import {
  CHORD_TYPE_BY_ID,
  chordTypeIntervals,
  intervalBetweenClasses,
  intervalLongName,
  pitchClassName,
  transposeClass,
  type Pitch,
  type PitchClass,
} from '@cadenza/core';
import { chordQualityLabel } from './chord-question.js';
import { halfSteps, letterName, withArticle } from './music-words.js';

/** How each quality sounds, in the words teachers use. */
const CHARACTER: Readonly<Record<string, string>> = {
  major: 'bright and stable',
  minor: 'darker, but still stable',
  dim: 'tense and unstable, as if squeezed together',
  aug: 'unsettled and floating, as if stretched apart',
  '7': 'bright but restless: it wants to resolve, the dominant chord of a key',
  maj7: 'soft and lush',
  m7: 'mellow and relaxed',
  m7b5: 'dark and unresolved: the ii chord of a minor key',
  dim7: 'tense and symmetrical: it divides the octave into four equal minor thirds',
  mMaj7: 'dark with a sharp edge on top',
  augMaj7: 'bright and strange, stretched on both ends',
};

const DEGREE_WORDS = ['root', 'third', 'fifth', 'seventh'];
const INVERSION_WORDS = ['root position', 'first inversion', 'second inversion', 'third inversion'];

/** "a major third (4 half steps)". */
function sized(a: PitchClass, b: PitchClass): string {
  const iv = intervalBetweenClasses(a, b);
  return `${withArticle(intervalLongName(iv))} (${halfSteps(iv.semitones)})`;
}

/** The chord's quality described by its stacked thirds and its root-to-fifth (and seventh) intervals. */
export function qualityAnatomy(typeId: string, root: PitchClass): string {
  const type = CHORD_TYPE_BY_ID.get(typeId);
  if (!type) throw new RangeError(`no chord type '${typeId}'`);
  const tones = chordTypeIntervals(type).map((i) => transposeClass(root, i));
  const name = (pc: PitchClass): string => pitchClassName(pc, true);
  const thirds = tones
    .slice(1)
    .map((t, i) => `${sized(tones[i] as PitchClass, t)} from ${name(tones[i] as PitchClass)} to ${name(t)}`);
  const outer = tones.slice(2).map((t, i) => `root to ${DEGREE_WORDS[2 + i] ?? 'top'} is ${sized(root, t)}`);
  return `stacked thirds: ${thirds.join(', then ')}; ${outer.join('; ')}`;
}

/**
 * What a teacher says about the chord that was played: its quality, built from which thirds, how it
 * sounds, and which tone was in the bass when it was inverted.
 */
export function explainChord(options: {
  readonly answer: string;
  readonly root: Pitch;
  readonly notes: readonly Pitch[];
  readonly inversion: number;
}): string {
  const { answer, root, notes, inversion } = options;
  const bass = notes[0];
  const spelled = notes.map(letterName).join('–');
  const position =
    inversion === 0 || !bass
      ? `in root position (${spelled})`
      : `in ${INVERSION_WORDS[inversion] ?? `inversion ${inversion}`}, with the ${DEGREE_WORDS[inversion] ?? 'top'} (${letterName(bass)}) in the bass (${spelled})`;
  const name = `${letterName(root)} ${chordQualityLabel(answer)}`;
  return (
    `That was ${withArticle(chordQualityLabel(answer))}: ${name}, played ${position}. ` +
    `Built from ${qualityAnatomy(answer, root)}. It sounds ${CHARACTER[answer] ?? 'distinctive'}.`
  );
}
