import { defineSong } from './define-song.js';
import type { CatalogueSong } from './song-types.js';

/**
 * Traditional tunes and nursery songs, first-year repertoire: five-finger positions around middle C,
 * then pickups, dotted rhythms and compound time. All traditional or published long before 1929.
 */
export const FOLK_SONGS: readonly CatalogueSong[] = [
  defineSong({
    id: 'hot-cross-buns',
    title: 'Hot Cross Buns',
    composer: 'Traditional',
    origin: 'English street cry, printed in the 18th century; traditional',
    level: 1,
    genres: ['folk'],
    key: 'C major',
    meter: '4/4',
    tempo: 96,
    skills: ['three notes: E D C', 'quarter and half notes', 'eighth notes'],
    melody: 'E4:q D4 C4:h | E4:q D4 C4:h | C4:e C4 C4 C4 D4 D4 D4 D4 | E4:q D4 C4:h',
    chords: 'C | C | C:h G:h | C',
  }),
  defineSong({
    id: 'mary-had-a-little-lamb',
    title: 'Mary Had a Little Lamb',
    composer: 'Traditional',
    origin: 'American nursery tune, words by Sarah Josepha Hale (1830); traditional',
    level: 1,
    genres: ['folk'],
    key: 'C major',
    meter: '4/4',
    tempo: 100,
    skills: ['steps in a five-finger position', 'repeated notes', 'whole notes'],
    melody:
      'E4:q D4 C4 D4 | E4 E4 E4:h | D4:q D4 D4:h | E4:q G4 G4:h | ' +
      'E4:q D4 C4 D4 | E4 E4 E4 E4 | D4 D4 E4 D4 | C4:w',
    chords: 'C | C | G | C | C | C | G | C',
  }),
  defineSong({
    id: 'twinkle-twinkle',
    title: 'Twinkle, Twinkle, Little Star',
    composer: 'Traditional',
    origin: "French melody 'Ah! vous dirai-je, maman' (1761); words by Jane Taylor (1806)",
    level: 1,
    genres: ['folk'],
    key: 'C major',
    meter: '4/4',
    tempo: 100,
    skills: ['leaps of a fifth', 'stepwise descent', 'phrase shapes (ABA)'],
    melody:
      'C4:q C4 G4 G4 | A4 A4 G4:h | F4:q F4 E4 E4 | D4 D4 C4:h | ' +
      'G4:q G4 F4 F4 | E4 E4 D4:h | G4:q G4 F4 F4 | E4 E4 D4:h | ' +
      'C4:q C4 G4 G4 | A4 A4 G4:h | F4:q F4 E4 E4 | D4 D4 C4:h',
    chords: 'C | F C | F C | G C | C F | C G | C F | C G | C | F C | F C | G C',
  }),
  defineSong({
    id: 'frere-jacques',
    title: 'Frère Jacques',
    composer: 'Traditional',
    origin: 'French round, printed c. 1780; traditional',
    level: 1,
    genres: ['folk'],
    key: 'C major',
    meter: '4/4',
    tempo: 104,
    skills: ['a round in four parts', 'eighth notes', 'the low G below middle C'],
    melody:
      'C4:q D4 E4 C4 | C4 D4 E4 C4 | E4 F4 G4:h | E4:q F4 G4:h | ' +
      'G4:e A4 G4 F4 E4:q C4 | G4:e A4 G4 F4 E4:q C4 | C4 G3 C4:h | C4:q G3 C4:h',
    chords: 'C | C | C | C | C | C | C G | C G',
  }),
  defineSong({
    id: 'london-bridge',
    title: 'London Bridge Is Falling Down',
    composer: 'Traditional',
    origin: 'English nursery rhyme, printed in the 18th century; traditional',
    level: 1,
    genres: ['folk'],
    key: 'C major',
    meter: '4/4',
    tempo: 100,
    skills: ['dotted quarter and eighth', 'five-finger position on C'],
    melody:
      'G4:q. A4:e G4:q F4 | E4 F4 G4:h | D4:q E4 F4:h | E4:q F4 G4:h | ' +
      'G4:q. A4:e G4:q F4 | E4 F4 G4:h | D4 G4 | E4 C4',
    chords: 'C | C | G | C | C | C | G | C',
  }),
  defineSong({
    id: 'au-clair-de-la-lune',
    title: 'Au clair de la lune',
    composer: 'Traditional',
    origin: 'French folk song, 18th century; traditional',
    level: 1,
    genres: ['folk'],
    key: 'C major',
    meter: '4/4',
    tempo: 96,
    skills: ['repeated notes', 'AABA form', 'reading below middle C'],
    melody:
      'C4:q C4 C4 D4 | E4:h D4 | C4:q E4 D4 D4 | C4:w | ' +
      'C4:q C4 C4 D4 | E4:h D4 | C4:q E4 D4 D4 | C4:w | ' +
      'D4:q D4 D4 D4 | A3:h A3 | D4:q C4 B3 A3 | G3:w | ' +
      'C4:q C4 C4 D4 | E4:h D4 | C4:q E4 D4 D4 | C4:w',
    chords: 'C | C G | C G | C | C | C G | C G | C | G | D | G D | G | C | C G | C G | C',
  }),
  defineSong({
    id: 'old-macdonald',
    title: 'Old MacDonald Had a Farm',
    composer: 'Traditional',
    origin: 'American folk song, printed 1917 (Tommy’s Tunes); earlier traditional versions',
    level: 1,
    genres: ['folk'],
    key: 'G major',
    meter: '4/4',
    tempo: 112,
    pickup: 'q',
    skills: ['a pickup note', 'G position', 'repeated notes'],
    melody:
      'D4:q | G4 G4 G4 D4 | E4 E4 D4:h | B4:q B4 A4 A4 | G4:h. D4:q | ' +
      'G4 G4 G4 D4 | E4 E4 D4:h | B4:q B4 A4 A4 | G4:h.',
    chords: 'G | C G | G D | G | G | C G | G D | G',
  }),
];
