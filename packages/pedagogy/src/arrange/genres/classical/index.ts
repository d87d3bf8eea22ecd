import type { ArrangeRequest, GenreArranger, HandPattern } from '../../arrangement-types.js';
import type { Rng } from '@cadenza/core';
import { classicalProgression, periodOf } from './classical-progression.js';
import { albertiBass, arpeggiatedBass, brokenChord, CLASSICAL_LEFT_HAND } from './left-hand.js';
import {
  arpeggiatedRight,
  chordVoicing,
  CLASSICAL_RIGHT_HAND,
  contrapuntal,
  melodicLine,
} from './right-hand.js';

/**
 * Patterns by period: Classical melody over Alberti bass; Baroque two-part counterpoint over a broken-chord
 * bass; Romantic melody or chords over sweeping arpeggios. Style cues ('alberti', 'arpeggio'…) win.
 */
function choosePatterns(request: ArrangeRequest, rng: Rng): { left: HandPattern; right: HandPattern } {
  const cue = (word: string) => request.styles.some((s) => s.includes(word));
  const period = periodOf(request);
  const left = cue('alberti')
    ? albertiBass
    : cue('arpeggi')
      ? arpeggiatedBass
      : period === 'classical'
        ? rng.weighted([albertiBass, brokenChord], [3, 1])
        : period === 'baroque'
          ? rng.weighted([brokenChord, arpeggiatedBass], [3, 1])
          : rng.weighted([arpeggiatedBass, brokenChord], [3, 1]);
  const right =
    cue('counterpoint') || cue('contrapuntal')
      ? contrapuntal
      : period === 'baroque'
        ? contrapuntal
        : period === 'classical'
          ? rng.weighted([melodicLine, chordVoicing], [4, 1])
          : rng.weighted([melodicLine, chordVoicing, arpeggiatedRight], [3, 1, 1]);
  return { left, right };
}

/** Classical (Baroque, Classical, Romantic periods): phrases and cadences, correct outer-voice leading, straight time. */
export const classicalArranger: GenreArranger = {
  genre: 'classical',
  leftHand: CLASSICAL_LEFT_HAND,
  rightHand: CLASSICAL_RIGHT_HAND,
  progression: classicalProgression,
  choosePatterns,
  feel: () => ({ kind: 'straight' }),
};
