import type { GenreArranger } from '../../arrangement-types.js';
import { improvisation } from './bebop-lines.js';
import { chooseJazzPatterns } from './choose-patterns.js';
import { jazzFeel } from './jazz-feel.js';
import { jazzProgression } from './jazz-progression.js';
import { shellVoicing, strideBass, syncopatedComping } from './left-hand-chords.js';
import { blockChord, chordMelody, octaveDoubling } from './right-hand-chords.js';
import { rootlessVoicings } from './rootless-voicings.js';
import { walkingBass } from './walking-bass.js';

const LEFT_HAND = [walkingBass, strideBass, shellVoicing, syncopatedComping];
const RIGHT_HAND = [blockChord, chordMelody, octaveDoubling, improvisation, rootlessVoicings];

/** Jazz: ii–V–I chains, turnarounds, tritone and backdoor substitutions; walking bass, rootless voicings, bebop lines; swing 2:1. */
export const jazzArranger: GenreArranger = {
  genre: 'jazz',
  leftHand: LEFT_HAND,
  rightHand: RIGHT_HAND,
  progression: jazzProgression,
  choosePatterns: (request, rng) => chooseJazzPatterns(request, rng, LEFT_HAND, RIGHT_HAND),
  feel: jazzFeel,
};
