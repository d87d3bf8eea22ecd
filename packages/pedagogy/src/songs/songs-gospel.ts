import { defineSong } from './define-song.js';
import { AMAZING_GRACE, HYMN_TO_JOY, WHEN_THE_SAINTS } from './song-melodies.js';
import type { CatalogueSong } from './song-types.js';

/** Hymns and spirituals with chord symbols, from the bare tune to a gospel reharmonisation. */
export const GOSPEL_SONGS: readonly CatalogueSong[] = [
  defineSong({
    id: 'amazing-grace',
    title: 'Amazing Grace',
    composer: 'Traditional',
    origin: "American hymn tune 'New Britain', printed 1829/1835; words John Newton (1779)",
    level: 2,
    genres: ['gospel', 'folk'],
    key: 'G major',
    meter: '3/4',
    tempo: 84,
    pickup: 'q',
    skills: ['3/4 with a pickup', 'the octave D4 to D5', 'long notes held across the bar'],
    melody: AMAZING_GRACE,
    chords: 'G | G7 | C | G | G | Em | D | D7 | G | G7 | C | G | Em | G:h D7:q | G | G',
  }),
  defineSong({
    id: 'when-the-saints',
    title: 'When the Saints Go Marching In',
    composer: 'Traditional',
    origin: 'African-American spiritual, printed 1896 onwards; traditional',
    level: 2,
    genres: ['gospel', 'folk'],
    key: 'C major',
    meter: '4/4',
    tempo: 112,
    pickup: 'h.',
    skills: ['a three-beat pickup', 'whole notes held for four beats', 'rests on the downbeat'],
    melody: WHEN_THE_SAINTS,
    chords: 'C | C | C | C | C | C | G7 | C | C | C7 | C:q F:h. | F | C | C:h G7:h | C',
  }),
  defineSong({
    id: 'joyful-joyful',
    title: 'Joyful, Joyful (Hymn to Joy)',
    composer: 'Ludwig van Beethoven',
    origin: 'Symphony No. 9 (1824), hymn tune by E. Hodges (1864), words H. van Dyke (1907)',
    level: 4,
    genres: ['gospel'],
    key: 'G major',
    meter: '4/4',
    tempo: 96,
    arranger: 'Cadenza',
    skills: [
      'hands together with block chords',
      'secondary chords (E minor 7, A minor 7)',
      'a suspended cadence',
    ],
    melody: HYMN_TO_JOY,
    chords:
      'G | Cadd9:h G/B:q D7:q | Em7:h Am7:q G/B:q | Am7:h D7:h | G:h Am7:q G/B:q | Cadd9:h G/B:q D7:q | ' +
      'Em7:h D/F#:q G:q | D7:h G:h | D/F#:h G:h | D7:h G:h | D7:h Bm7:h | Em:q A7:q D:h | ' +
      'G:h Am7:q G/B:q | Cadd9:h G/B:q D7:q | Em7:h Am7:q G/B:q | D7sus4:h G:h',
    leftHandStyle: 'blocks',
  }),
  defineSong({
    id: 'amazing-grace-gospel',
    title: 'Amazing Grace (gospel harmony)',
    composer: 'Traditional',
    origin: "Hymn tune 'New Britain' (1829/1835); gospel reharmonisation by Cadenza",
    level: 5,
    genres: ['gospel'],
    key: 'G major',
    meter: '3/4',
    tempo: 72,
    tempoText: 'Slow gospel',
    pickup: 'q',
    arranger: 'Cadenza',
    skills: ['passing chords', 'the minor plagal cadence (C minor 6 to G)', 'block chords in the left hand'],
    melody: AMAZING_GRACE,
    chords:
      'G | G7 | C | G/D:h D7:q | G:h G7:q | Em7:h A7:q | Am7:h D7:q | D:h D7:q | ' +
      'G:h G7:q | Cmaj7:h Cm6:q | G/D:h E7:q | Am7:h D7:q | Em7 | Am7:h D7:q | G:h Cm6:q | G',
    leftHandStyle: 'blocks',
  }),
  defineSong({
    id: 'when-the-saints-dixieland',
    title: 'When the Saints Go Marching In (Dixieland)',
    composer: 'Traditional',
    origin: 'African-American spiritual, printed 1896 onwards; jazz harmony by Cadenza',
    level: 4,
    genres: ['jazz', 'gospel'],
    key: 'C major',
    meter: '4/4',
    tempo: 168,
    tempoText: 'Swing',
    pickup: 'h.',
    arranger: 'Cadenza',
    skills: ['ii–V in the left hand', 'shell voicings (root, third, seventh)', 'swing feel'],
    melody: WHEN_THE_SAINTS,
    chords:
      'C | C | C | C | C | C:h C7:h | Dm7:h G7:h | Dm7:h G7:h | C | C7 | C7:q F:h. | F:h Fm6:h | C/G:h A7:h | Dm7:h G7:h | C',
    leftHandStyle: 'shells',
  }),
];
