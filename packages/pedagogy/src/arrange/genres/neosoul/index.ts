import type { GenreArranger } from '../../arrangement-types.js';
import { chooseNeosoulPatterns } from './choose-patterns.js';
import { extendedComping, rhythmicSyncopation, syncopatedBass } from './left-hand.js';
import { neosoulFeel } from './neosoul-feel.js';
import { neosoulProgression } from './neosoul-progression.js';
import { chromaticFills, extendedVoicings, sustainedVoicings } from './right-hand.js';

const LEFT_HAND = [extendedComping, rhythmicSyncopation, syncopatedBass];
const RIGHT_HAND = [extendedVoicings, chromaticFills, sustainedVoicings];

/** Neo-soul: extended ii–Vs, Dorian vamps and planing; spread comping, syncopated bass; laid back. */
export const neosoulArranger: GenreArranger = {
  genre: 'neosoul',
  leftHand: LEFT_HAND,
  rightHand: RIGHT_HAND,
  progression: neosoulProgression,
  choosePatterns: (request, rng) => chooseNeosoulPatterns(request, rng, LEFT_HAND, RIGHT_HAND),
  feel: neosoulFeel,
};
