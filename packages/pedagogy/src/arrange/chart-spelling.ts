import { chroma, pitchClassName, type PitchClass } from '@cadenza/core';

/** Sharp-free names by chroma, for roots a chart would otherwise spell with C♭, F♭, E♯, B♯ or doubles. */
const PLAIN_NAMES = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'Gb', 'G', 'Ab', 'A', 'Bb', 'B'] as const;

/** Roots a lead sheet never writes: C♭, F♭, E♯, B♯ and double accidentals (a chart says E7, not F♭7). */
export const awkwardRoot = (root: PitchClass): boolean =>
  Math.abs(root.alter) > 1 ||
  (root.alter === -1 && (root.step === 'C' || root.step === 'F')) ||
  (root.alter === 1 && (root.step === 'E' || root.step === 'B'));

/** A chord root or bass as a chart writes it: the key's spelling, awkward ones respelled (F♭ → E). */
export const chartName = (root: PitchClass): string =>
  awkwardRoot(root) ? (PLAIN_NAMES[chroma(root)] ?? 'C') : pitchClassName(root);
