import { defineSong } from './define-song.js';
import { AULD_LANG_SYNE, GREENSLEEVES, TWINKLE } from './song-melodies.js';
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
    melody: TWINKLE,
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
    chords: 'C | C | C | C | C | C | C | C',
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
    chords: 'C | C | G7 | C | C | C | G | C',
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
    chords: 'C | C G | C G | C | C | C G | C G | C | G | D | G:q C:q G:q D:q | G | C | C G | C G | C',
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
  defineSong({
    id: 'lightly-row',
    title: 'Lightly Row',
    composer: 'Traditional',
    origin: "German children's song 'Hänschen klein' (tune printed 1820s); traditional",
    level: 1,
    genres: ['folk'],
    key: 'C major',
    meter: '4/4',
    tempo: 100,
    skills: ['thirds in the right hand', 'five-finger position on C', 'ABA form'],
    melody:
      'G4:q E4 E4:h | F4:q D4 D4:h | C4:q D4 E4 F4 | G4 G4 G4:h | ' +
      'G4:q E4 E4:h | F4:q D4 D4:h | C4:q E4 G4 G4 | C4:w | ' +
      'D4:q D4 D4 D4 | D4 E4 F4:h | E4:q E4 E4 E4 | E4 F4 G4:h | ' +
      'G4:q E4 E4:h | F4:q D4 D4:h | C4:q E4 G4 G4 | C4:w',
    chords: 'C | G7 | C | C | C | G7 | C | C | G | G7 | C | C | C | G7 | C | C',
  }),
  defineSong({
    id: 'row-row-row-your-boat',
    title: 'Row, Row, Row Your Boat',
    composer: 'Traditional',
    origin: 'American round, printed 1852 (words), tune 1881 (E. O. Lyte); traditional',
    level: 1,
    genres: ['folk'],
    key: 'C major',
    meter: '6/8',
    tempo: 120,
    skills: ['6/8 time: two beats of three eighths', 'a round', 'the octave C4 to C5'],
    melody:
      'C4:q. C4:q. | C4:q D4:e E4:q. | E4:q D4:e E4:q F4:e | G4:h. | ' +
      'C5:e C5 C5 G4 G4 G4 | E4 E4 E4 C4 C4 C4 | G4:q F4:e E4:q D4:e | C4:h.',
    chords: 'C | C | C | C | C | C | G7 | C',
  }),
  defineSong({
    id: 'jingle-bells',
    title: 'Jingle Bells',
    composer: 'James Lord Pierpont',
    origin: "'One Horse Open Sleigh', published 1857; public domain",
    level: 2,
    genres: ['folk', 'pop'],
    key: 'C major',
    meter: '4/4',
    tempo: 120,
    skills: ['repeated notes', 'dotted quarter and eighth', 'keeping a steady beat'],
    melody:
      'E4:q E4 E4:h | E4:q E4 E4:h | E4:q G4 C4:q. D4:e | E4:w | ' +
      'F4:q F4 F4 F4 | F4 E4 E4 E4:e E4 | E4:q D4 D4 E4 | D4:h G4 | ' +
      'E4:q E4 E4:h | E4:q E4 E4:h | E4:q G4 C4:q. D4:e | E4:w | ' +
      'F4:q F4 F4 F4 | F4 E4 E4 E4:e E4 | G4:q G4 F4 D4 | C4:w',
    chords: 'C | C | C | C | F | F:q C:h. | D7 | G7 | C | C | C | C | F | F:q C:h. | G7 | C',
  }),
  defineSong({
    id: 'yankee-doodle',
    title: 'Yankee Doodle',
    composer: 'Traditional',
    origin: 'American tune sung since the 1770s; traditional',
    level: 2,
    genres: ['folk'],
    key: 'C major',
    meter: '4/4',
    tempo: 116,
    skills: ['reaching below middle C', 'steady quarter notes', 'crossing from B3 to C4'],
    melody:
      'C4:q C4 D4 E4 | C4 E4 D4 G3 | C4 C4 D4 E4 | C4:h B3 | ' +
      'C4:q C4 D4 E4 | F4 E4 D4 C4 | B3 G3 A3 B3 | C4:h C4',
    chords: 'C | C G | C | C G | C | F:q C:q G:q C:q | G | C',
  }),
  defineSong({
    id: 'oh-susanna',
    title: 'Oh! Susanna',
    composer: 'Stephen Foster',
    origin: 'Published 1848; public domain (verse)',
    level: 2,
    genres: ['folk'],
    key: 'C major',
    meter: '4/4',
    tempo: 112,
    pickup: 'q',
    skills: ['an eighth-note pickup', 'dotted quarter and eighth', 'phrase endings'],
    melody:
      'C4:e D4 | E4:q G4 G4:q. A4:e | G4:q E4 C4:q. D4:e | E4:q E4 D4 C4 | D4:h r:q C4:e D4 | ' +
      'E4:q G4 G4:q. A4:e | G4:q E4 C4:q. D4:e | E4:q E4 D4 D4 | C4:h r:q',
    chords: 'C | C | C | G7 | C | C | C:h G7:h | C',
  }),
  defineSong({
    id: 'good-king-wenceslas',
    title: 'Good King Wenceslas',
    composer: 'Traditional',
    origin: "Tune 'Tempus adest floridum', Piae Cantiones (1582); words J. M. Neale (1853)",
    level: 2,
    genres: ['folk'],
    key: 'G major',
    meter: '4/4',
    tempo: 108,
    skills: ['G position with F sharp', 'the octave D4 to D5', 'four-bar phrases'],
    melody:
      'G4:q G4 G4 A4 | G4 G4 D4:h | E4:q D4 E4 F#4 | G4:h G4 | ' +
      'G4:q G4 G4 A4 | G4 G4 D4:h | E4:q D4 E4 F#4 | G4:h G4 | ' +
      'D5:q C5 B4 A4 | B4 A4 G4:h | E4:q D4 E4 F#4 | G4:h G4 | ' +
      'D4:q D4 E4 F#4 | G4 G4 A4:h | D5:q C5 B4 A4 | G4:h C5 | G4:w',
    chords:
      'G | G D | C:q G:q C:q D:q | G | G | G D | C:q G:q C:q D:q | G | G:h. D:q | G | C:q G:q C:q D:q | G | D | G D | G:h. D7:q | G C | G',
  }),
  defineSong({
    id: 'deck-the-halls',
    title: 'Deck the Halls',
    composer: 'Traditional',
    origin: "Welsh carol tune 'Nos Galan', 16th century; English words 1862",
    level: 3,
    genres: ['folk'],
    key: 'C major',
    meter: '4/4',
    tempo: 120,
    skills: ['dotted quarter and eighth', 'eighth-note runs', 'F sharp as a passing note'],
    melody:
      'G4:q. F4:e E4:q D4 | C4 D4 E4 C4 | D4:e E4 F4 D4 E4:q. D4:e | C4:q B3 C4:h | ' +
      'G4:q. F4:e E4:q D4 | C4 D4 E4 C4 | D4:e E4 F4 D4 E4:q. D4:e | C4:q B3 C4:h | ' +
      'D4:q. E4:e F4:q D4 | E4:q. F4:e G4:q D4 | E4:e F#4 G4:q A4:e B4 C5:q | B4 A4 G4:h | ' +
      'G4:q. F4:e E4:q D4 | C4 D4 E4 C4 | A4:e A4 A4 A4 G4:q. F4:e | E4:q D4 C4:h',
    chords:
      'C | C | G C | F:q G:q C:h | C | C | G C | F:q G:q C:h | ' +
      'G7 | C:h G:h | C:q G:q D7:h | G | C | C | F C | C:q G:q C:h',
  }),
  defineSong({
    id: 'we-wish-you-a-merry-christmas',
    title: 'We Wish You a Merry Christmas',
    composer: 'Traditional',
    origin: 'English West Country carol, 16th century; traditional',
    level: 3,
    genres: ['folk'],
    key: 'G major',
    meter: '3/4',
    tempo: 132,
    pickup: 'q',
    skills: ['3/4 time with a pickup', 'eighth notes in 3/4', 'sequences'],
    melody:
      'D4:q | G4 G4:e A4 G4 F#4 | E4:q E4 E4 | A4 A4:e B4 A4 G4 | F#4:q D4 D4 | ' +
      'B4 B4:e C5 B4 A4 | G4:q E4 D4:e D4 | E4:q A4 F#4 | G4:h.',
    chords: 'G | C | A7 | D | B7 | Em | C:q D7:h | G',
  }),
  defineSong({
    id: 'silent-night',
    title: 'Silent Night',
    composer: 'Franz Xaver Gruber',
    origin: "'Stille Nacht', composed 1818; words Joseph Mohr",
    level: 3,
    genres: ['folk', 'classical'],
    key: 'C major',
    meter: '6/8',
    tempo: 84,
    tempoText: 'Andante',
    skills: [
      '6/8 lilt: dotted quarter, eighth, quarter',
      'long notes held full value',
      'ties over the barline',
    ],
    melody:
      'G4:q. A4:e G4:q | E4:h. | G4:q. A4:e G4:q | E4:h. | D5:h D5:q | B4:h. | C5:h C5:q | G4:h. | ' +
      'A4:h A4:q | C5:q. B4:e A4:q | G4:q. A4:e G4:q | E4:h. | A4:h A4:q | C5:q. B4:e A4:q | ' +
      'G4:q. A4:e G4:q | E4:h. | D5:h D5:q | F5:q. D5:e B4:q | C5:h. | E5:h. | ' +
      'C5:q. G4:e E4:q | G4:q. F4:e D4:q | C4:h.~ | C4:h.',
    chords: 'C | C | C | C | G | G | C | C | F | F | C | C | F | F | C | C | G | G7 | C | C | C | G7 | C | C',
  }),
  defineSong({
    id: 'auld-lang-syne',
    title: 'Auld Lang Syne',
    composer: 'Traditional',
    origin: 'Scottish tune, words by Robert Burns (1788); traditional',
    level: 3,
    genres: ['folk'],
    key: 'F major',
    meter: '4/4',
    tempo: 88,
    pickup: 'q',
    skills: ['dotted quarter and eighth', 'a pickup on beat four', 'the pentatonic scale'],
    melody: AULD_LANG_SYNE,
    chords: 'F | C7 | F | Bb | F | C7 | Bb:h. C7:q | F',
  }),
  defineSong({
    id: 'drunken-sailor',
    title: 'What Shall We Do with the Drunken Sailor',
    composer: 'Traditional',
    origin: 'Sea shanty, printed 1839; traditional',
    level: 3,
    genres: ['folk'],
    key: 'D dorian',
    meter: '4/4',
    tempo: 126,
    skills: ['the Dorian mode', 'arpeggios of D minor and C major', 'quarter-eighth patterns'],
    melody:
      'A4:q A4:e A4 A4:q A4:e A4 | A4:q D4 F4 A4 | G4:q G4:e G4 G4:q G4:e G4 | G4:q C4 E4 G4 | ' +
      'A4:q A4:e A4 A4:q A4:e A4 | A4:q B4 C5 D5 | C5 A4 G4 E4 | D4:h D4 | ' +
      'A4:h A4 | A4:q D4 F4 A4 | G4:h G4 | G4:q C4 E4 G4 | A4:h A4 | A4:q B4 C5 D5 | C5 A4 G4 E4 | D4:h D4',
    chords: 'Dm | Dm | C | C | Dm | Dm | C | Dm | Dm | Dm | C | C | Dm | Dm | C | Dm',
  }),
  defineSong({
    id: 'greensleeves',
    title: 'Greensleeves',
    composer: 'Traditional',
    origin: 'English tune, registered 1580; traditional',
    level: 5,
    genres: ['folk', 'classical'],
    key: 'A minor',
    meter: '3/4',
    tempo: 100,
    tempoText: 'Andante',
    pickup: 'q',
    skills: ['hands together in 3/4', 'the raised seventh (G sharp) of A minor', 'dotted rhythms'],
    melody: GREENSLEEVES,
    chords: 'Am | C | G | Em | Am | E | E | Am | Am | C | G | Em | Am | E | Am',
    leftHandStyle: 'blocks',
  }),
  defineSong({
    id: 'god-save-the-king',
    title: 'God Save the King (America)',
    composer: 'Traditional',
    origin: "British anthem tune, printed 1744 (Thesaurus Musicus); also sung as 'America' (1831)",
    level: 3,
    genres: ['folk'],
    key: 'G major',
    meter: '3/4',
    tempo: 84,
    tempoText: 'Maestoso',
    skills: ['dotted quarter and eighth in 3/4', 'a sequence a step lower', 'phrases of unequal length'],
    melody:
      'G4:q G4 A4 | F#4:q. G4:e A4:q | B4 B4 C5 | B4:q. A4:e G4:q | A4 G4 F#4 | G4:h. | ' +
      'D5:q D5 D5 | D5:q. C5:e B4:q | C5 C5 C5 | C5:q. B4:e A4:q | B4 C5:e B4 A4 G4 | ' +
      'B4:q. C5:e D5:q | E5:e C5 B4:q A4 | G4:h.',
    chords: 'G | D | G:h C:q | G | D7 | G | G | G | D7 | D7 | G | G | C:q G:q D7:q | G',
  }),
  defineSong({
    id: 'beautiful-dreamer',
    title: 'Beautiful Dreamer',
    composer: 'Stephen Foster',
    origin: 'Published 1864; public domain (first section)',
    level: 4,
    genres: ['folk'],
    key: 'Eb major',
    meter: '9/8',
    tempo: 120,
    tempoText: 'Dolce',
    skills: [
      '9/8 time: three beats of three eighths',
      'the chromatic neighbour note (E natural)',
      'long held notes',
    ],
    melody:
      'Eb5:e D5 Eb5 Bb4:q. G4 | F4:e E4 F4 C5:h. | Bb4:e D5 C5 C5 Bb4 Ab4 Ab4 G4 F4 | G4:h.~ G4:q. | ' +
      'Eb5:e D5 Eb5 Bb4:q. G4 | F4:e E4 F4 C5:h. | Bb4:e D5 C5 C5 Bb4 Ab4 Ab4 G4 F4 | Eb4:h.~ Eb4:q.',
  }),
  defineSong({
    id: 'danny-boy',
    title: 'Danny Boy (Londonderry Air)',
    composer: 'Traditional',
    origin: 'Irish air, published 1855 (Petrie collection); words F. Weatherly (1913)',
    level: 5,
    genres: ['folk'],
    key: 'C major',
    meter: '4/4',
    tempo: 66,
    tempoText: 'Slowly',
    pickup: 'q.',
    skills: ['long phrases with pickups', 'the climb to the high E', 'rests inside a phrase'],
    melody:
      'B3:e C4 D4 | E4:q. D4:e E4 A4 G4 E4 | D4 C4 A3:q r:e C4 E4 F4 | G4:q. A4:e G4 E4 C4 E4 | ' +
      'D4:h r:e B3 C4 D4 | E4:q. D4:e E4 A4 G4 E4 | D4 C4 A3:q r:e B3 C4 D4 | E4:q. F4:e E4 D4 C4 D4 | ' +
      'C4:h r:e G4 A4 B4 | C5:q. B4:e B4 A4 G4 A4 | G4 E4 C4:q r:e G4 A4 B4 | C5:q. B4:e B4 A4 G4 E4 | ' +
      'D4:h r:e G4 G4 G4 | E5:q. D5:e D5 C5 A4 C5 | G4 E4 C4:q r:e B3 C4 D4 | E4 A4 G4 E4 D4 C4 A3 B3 | C4:h. r:q',
    chords:
      'C | F | C | G7 | C | F:h G7:h | C:h G7:h | C:h G7:h | C:h G7:h | C:h G7:h | C:h Em:h | D7:h G7:h | ' +
      'C:h F:h | C:h G7:h | Am7:h G7:h | C',
  }),
  defineSong({
    id: 'o-come-all-ye-faithful',
    title: 'O Come, All Ye Faithful',
    composer: 'John Francis Wade',
    origin: "Hymn 'Adeste Fideles', c. 1751; public domain",
    level: 3,
    genres: ['folk', 'gospel'],
    key: 'G major',
    meter: '4/4',
    tempo: 96,
    pickup: 'q',
    skills: ['a hymn with a pickup', 'dotted quarter and eighth at cadences', 'a rising sequence'],
    melody:
      'G4:q | G4:h D4:q G4 | A4:h D4 | B4:q A4 B4 C5 | B4:h A4:q G4 | G4:h F#4:q E4 | F#4 G4 A4 B4 | ' +
      'F#4:h E4:q. D4:e | D4:h. r:q | D5:h C5:q B4 | C5:h B4 | A4:q B4 G4 A4 | F#4:h D4:q G4 | ' +
      'G4 F#4 G4 A4 | G4:h D4:q B4 | B4 A4 B4 C5 | B4:h A4:q B4 | C5 B4 A4 G4 | F#4:h G4:q C5 | ' +
      'B4:h A4:q. G4:e | G4:h.',
    chords:
      'G | D | G:h. C:q | G:h D:q G:q | Em:h D:q Em:q | D:q G:q D:q G:q | D:h A7:h | D | G:h C:q G:q | C:h G:h | ' +
      'D:q G:q C:q D:q | D:h. G:q | G:q D:q G:q D:q | G | G:h. C:q | G:h D:q G:q | C:q G:q D:q Em:q | D:h Em:q C:q | G/D:h D7:h | G',
  }),
  defineSong({
    id: 'joy-to-the-world',
    title: 'Joy to the World',
    composer: 'Lowell Mason',
    origin: "Hymn tune 'Antioch', 1839; words Isaac Watts (1719)",
    level: 4,
    genres: ['folk', 'gospel'],
    key: 'D major',
    meter: '4/4',
    tempo: 100,
    skills: ['the descending D major scale', 'dotted eighth and sixteenth', 'sixteenth-note pickups'],
    melody:
      'D5:q C#5:e. B4:s A4:q. G4:e | F#4:q E4 D4:q. A4:e | B4:q. B4:e C#5:q. C#5:e | D5:h. r:e D5 | ' +
      'D5:e C#5 B4 A4 A4:e. G4:s F#4:e D5 | D5 C#5 B4 A4 A4:e. G4:s F#4:e F#4 | ' +
      'F#4 F#4 F#4 F#4:s G4 A4:q. G4:s F#4 | E4:e E4 E4 E4:s F#4 G4:q. F#4:s E4 | ' +
      'F#4:e D5:q B4:e A4:e. G4:s F#4:e G4 | F#4:q E4 D4:h',
    chords: 'D | D:q A7:q D:h | G:h A7:h | D | D | D | D | A7 | D | D:q A7:q D:h',
    leftHandStyle: 'blocks',
  }),
];
