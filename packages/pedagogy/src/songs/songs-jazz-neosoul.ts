import { defineSong } from './define-song.js';
import { AMAZING_GRACE, AULD_LANG_SYNE, GREENSLEEVES, TWINKLE } from './song-melodies.js';
import type { CatalogueSong } from './song-types.js';

/**
 * Jazz and neo-soul: public-domain tunes reharmonised by Cadenza (seventh chords for jazz; major ninths,
 * minor elevenths and thirteenths for neo-soul) and teaching pieces on the standard progressions.
 * Every chord was checked against the melody note it sits under.
 */
export const JAZZ_NEOSOUL_SONGS: readonly CatalogueSong[] = [
  defineSong({
    id: 'two-five-one-etude',
    title: 'Two-Five-One Etude',
    composer: 'Cadenza',
    origin: 'Cadenza teaching piece, written for this catalogue (2026)',
    level: 5,
    genres: ['jazz'],
    key: 'C major',
    meter: '4/4',
    tempo: 120,
    tempoText: 'Swing',
    feel: { kind: 'swing', ratio: 1.7, label: 'Swing' },
    skills: ['the ii–V–I progression', 'guide tones (thirds and sevenths)', 'shell voicings'],
    melody:
      'D4:e F4 A4 C5 E5:q C5 | F5:e E5 D5 B4 G4:q F4 | E4 G4 B4 G4 | G4 B4 C#5 E5 | ' +
      'F5 D5 B4 G4 | E5 B4 C#5 G4 | A4 C5 B4 G4 | C5:w',
    chords: 'Dm7 | G7 | Cmaj7 | Em7:h A7:h | Dm7:h G7:h | Cmaj7:h A7:h | Dm7:h G7:h | Cmaj7',
    leftHandStyle: 'shells',
  }),
  defineSong({
    id: 'greensleeves-jazz-waltz',
    title: 'Greensleeves (jazz waltz)',
    composer: 'Traditional',
    origin: 'English tune, registered 1580; jazz-waltz reharmonisation by Cadenza',
    level: 6,
    genres: ['jazz', 'folk'],
    key: 'A minor',
    meter: '3/4',
    tempo: 160,
    tempoText: 'Jazz waltz',
    feel: { kind: 'swing', ratio: 1.7, label: 'Swing' },
    pickup: 'q',
    arranger: 'Cadenza',
    skills: ['minor ii–V (B half-diminished to E7)', 'shells in 3/4', 'A minor 6 as a tonic'],
    melody: GREENSLEEVES,
    chords:
      'Am7 | Fmaj7 | G7 | Em7 | Dm7 | E7 | Bm7b5:h E7:q | Am7 | Am7 | Fmaj7 | Dm7:h G7:q | Em7 | Dm7 | E7 | Am6',
    leftHandStyle: 'shells',
  }),
  defineSong({
    id: 'midnight-ballad',
    title: 'Midnight Ballad',
    composer: 'Cadenza',
    origin: 'Cadenza teaching piece, written for this catalogue (2026)',
    level: 6,
    genres: ['jazz'],
    key: 'F major',
    meter: '4/4',
    tempo: 66,
    tempoText: 'Ballad',
    skills: ['secondary dominants (D7)', 'a melody on guide tones', 'shells under a slow line'],
    melody:
      'A4:q. C5:e E5:h | C5:q. A4:e F#4:h | Bb4:q D5 E5 G4 | G4 E4 F#4 A4 | ' +
      'Bb4:e D5 F5 D5 Bb4:h | Bb4:q. G4:e E4:h | G4:q Bb4 Bb4 E4 | F4:w',
    chords: 'Fmaj7 | D7 | Gm7:h C7:h | Am7:h D7:h | Gm7 | C7 | Gm7:h C7:h | Fmaj7',
    leftHandStyle: 'shells',
  }),
  defineSong({
    id: 'twinkle-neosoul',
    title: 'Twinkle, Twinkle (neo-soul)',
    composer: 'Traditional',
    origin: "French melody 'Ah! vous dirai-je, maman' (1761); neo-soul reharmonisation by Cadenza",
    level: 4,
    genres: ['neosoul', 'pop'],
    key: 'C major',
    meter: '4/4',
    tempo: 76,
    tempoText: 'Laid back',
    feel: { kind: 'laid-back', delay: 0.04 },
    arranger: 'Cadenza',
    skills: ['major ninth and minor eleventh chords', 'a familiar tune over new colours', 'slow, even touch'],
    melody: TWINKLE,
    chords:
      'Cmaj9 | Fmaj9 | Dm9:h Am9:h | G13sus4:h Cmaj9:h | Am9:h Dm9:h | Em7:h Am11:h | Am9:h Dm9:h | ' +
      'Em7:h G13sus4:h | Cmaj9 | Fmaj9 | Dm9:h Am9:h | G13sus4:h Cmaj9:h',
    leftHandStyle: 'extended',
  }),
  defineSong({
    id: 'auld-lang-syne-neosoul',
    title: 'Auld Lang Syne (neo-soul)',
    composer: 'Traditional',
    origin: 'Scottish tune, words Robert Burns (1788); neo-soul reharmonisation by Cadenza',
    level: 5,
    genres: ['neosoul', 'folk'],
    key: 'F major',
    meter: '4/4',
    tempo: 72,
    tempoText: 'Neo-soul ballad',
    feel: { kind: 'laid-back', delay: 0.04 },
    pickup: 'q',
    arranger: 'Cadenza',
    skills: [
      'ii–V with minor elevenths and thirteenths',
      'extended left-hand voicings',
      'dotted rhythms at a slow tempo',
    ],
    melody: AULD_LANG_SYNE,
    chords:
      'Fmaj9 | Gm11:h C13:h | Fmaj9:h Dm9:h | Bbmaj9 | Am11:h Dm9:h | Gm11:h C13:h | Bbmaj9:h C13sus4:h | Fmaj9',
    leftHandStyle: 'extended',
  }),
  defineSong({
    id: 'amazing-grace-neosoul',
    title: 'Amazing Grace (neo-soul)',
    composer: 'Traditional',
    origin: "Hymn tune 'New Britain' (1829/1835); neo-soul reharmonisation by Cadenza",
    level: 6,
    genres: ['neosoul', 'gospel'],
    key: 'G major',
    meter: '3/4',
    tempo: 66,
    tempoText: 'Neo-soul ballad',
    feel: { kind: 'laid-back', delay: 0.04 },
    pickup: 'q',
    arranger: 'Cadenza',
    skills: [
      'ninth, eleventh and thirteenth chords',
      'the minor plagal colour (C minor 9)',
      'voicing with the root below',
    ],
    melody: AMAZING_GRACE,
    chords:
      'Gmaj9 | Em11 | Cmaj9 | Bm11:h E9:q | Am9 | D13 | Em9 | Cmaj9:h D13:q | ' +
      'Gmaj9 | Em11 | Cmaj9 | Bm11:h E9:q | Am9 | D13 | Cm9 | Gmaj9',
    leftHandStyle: 'extended',
  }),
  defineSong({
    id: 'velvet-sunday',
    title: 'Velvet Sunday',
    composer: 'Cadenza',
    origin: 'Cadenza teaching piece, written for this catalogue (2026)',
    level: 8,
    genres: ['neosoul'],
    key: 'Eb major',
    meter: '4/4',
    tempo: 80,
    tempoText: 'Neo-soul',
    feel: { kind: 'laid-back', delay: 0.04 },
    skills: [
      'syncopated sixteenths',
      'extended chords in both hands',
      'suspended dominants (B flat 13 sus 4)',
    ],
    melody:
      'r:e Bb4:s C5 D5:e F5 G5:q. F5:e | Eb5:q. D5:e C5 Bb4 G4:q | r:e C5 Eb5 G5 Bb5:h | ' +
      'Ab5:q G5:e F5 D5:h | r:e G4 Bb4 D5 F5:q. C5:e | Bb4:q. A4:e E5:h | Ab4:e C5 Eb5 G5 F5:q D5 | ' +
      'Bb4:q D5 Eb5:h',
    chords: 'Ebmaj9 | Cm11 | Abmaj9 | Bb13sus4:h Bb13:h | Gm11 | C13 | Fm9:h Bb13:h | Ebmaj9',
    leftHandStyle: 'extended',
  }),
];
