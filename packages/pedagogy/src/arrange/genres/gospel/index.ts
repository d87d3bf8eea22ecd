import type { GenreArranger, HandPattern } from '../../arrangement-types.js';
import { chooseGospelPatterns } from './choose-patterns.js';
import { emphasiseBackbeat, gospelFeel, wantsBackbeat } from './gospel-feel.js';
import { gospelProgression } from './gospel-progression.js';
import { albertiBass, walkingBass } from './left-hand-lines.js';
import { shellVoicing, strideBass, syncopatedComping } from './left-hand-chordal.js';
import { chordFills, melodyWithFills, octaveDoubling } from './right-hand-melodic.js';
import { arpeggiatedVoicing, blockChord, polychord } from './right-hand-chords.js';

/** The pattern with up-tempo backbeat emphasis (beats 2 and 4) applied to its relative velocities. */
const withBackbeat = (pattern: HandPattern): HandPattern => ({
  ...pattern,
  render: (context) => {
    const notes = pattern.render(context);
    return wantsBackbeat(context.request) ? emphasiseBackbeat(notes, context.request) : notes;
  },
});

const LEFT_HAND = [shellVoicing, albertiBass, strideBass, walkingBass, syncopatedComping].map(withBackbeat);
const RIGHT_HAND = [
  blockChord,
  melodyWithFills,
  octaveDoubling,
  chordFills,
  polychord,
  arpeggiatedVoicing,
].map(withBackbeat);

/** Gospel: extended 1–4–5s, passing diminished chords, 2–5–1s, walk-ups and "Amen" endings; swing and shuffle feels. */
export const gospelArranger: GenreArranger = {
  genre: 'gospel',
  leftHand: LEFT_HAND,
  rightHand: RIGHT_HAND,
  progression: gospelProgression,
  choosePatterns: (request, rng) => chooseGospelPatterns(request, rng, LEFT_HAND, RIGHT_HAND),
  feel: gospelFeel,
};
