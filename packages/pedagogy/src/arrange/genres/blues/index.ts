import type { GenreArranger } from '../../arrangement-types.js';
import { bluesFeel } from './blues-feel.js';
import { bluesProgression } from './blues-progression.js';
import { chooseBluesPatterns } from './choose-patterns.js';
import { tremoloDoubleStops } from './double-stops.js';
import { BLUES_LEFT_HAND } from './left-hand.js';
import { blockChords, chordFills } from './right-hand-chords.js';
import { callResponse, twelveBarBluesMelody } from './right-hand-lines.js';

const RIGHT_HAND = [blockChords, chordFills, twelveBarBluesMelody, callResponse, tremoloDoubleStops];

/** Blues: basic, quick-change, jazz and minor 12-bar forms; boogie and shuffle basses; a 2.5 shuffle. */
export const bluesArranger: GenreArranger = {
  genre: 'blues',
  leftHand: BLUES_LEFT_HAND,
  rightHand: RIGHT_HAND,
  progression: bluesProgression,
  choosePatterns: (request, rng) => chooseBluesPatterns(request, rng, BLUES_LEFT_HAND, RIGHT_HAND),
  feel: bluesFeel,
};
