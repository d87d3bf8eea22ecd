import { defineSong } from './define-song.js';
import type { CatalogueSong } from './song-types.js';

/**
 * The Prelude in C's figure for one bar, as Bach wrote it: the bass note held for half a bar, the second
 * note entering a sixteenth later and held, and the right hand's three notes played twice, twice a bar.
 */
function preludeBars(bars: readonly (readonly [string, string, string, string, string])[]): {
  right: string;
  bass: string;
  tenor: string;
} {
  const right = bars.map(
    ([, , a, b, c]) => `r:e ${a}:s ${b} ${c} ${a} ${b} ${c} r:e ${a}:s ${b} ${c} ${a} ${b} ${c}`,
  );
  const bass = bars.map(([low]) => `${low}:h ${low}:h`);
  const tenor = bars.map(([, second]) => `r:s ${second}:e.~ ${second}:q r:s ${second}:e.~ ${second}:q`);
  return { right: right.join(' | '), bass: bass.join(' | '), tenor: tenor.join(' | ') };
}

/** Bars 1–11 of the Prelude in C, BWV 846: from C major to the first cadence in G. */
const PRELUDE = preludeBars([
  ['C4', 'E4', 'G4', 'C5', 'E5'],
  ['C4', 'D4', 'A4', 'D5', 'F5'],
  ['B3', 'D4', 'G4', 'D5', 'F5'],
  ['C4', 'E4', 'G4', 'C5', 'E5'],
  ['C4', 'E4', 'A4', 'E5', 'A5'],
  ['C4', 'D4', 'F#4', 'A4', 'D5'],
  ['B3', 'D4', 'G4', 'D5', 'G5'],
  ['B3', 'C4', 'E4', 'G4', 'C5'],
  ['A3', 'C4', 'E4', 'G4', 'C5'],
  ['D3', 'A3', 'D4', 'F#4', 'C5'],
  ['G3', 'B3', 'D4', 'G4', 'B4'],
]);

/** Gymnopédie No. 1's left hand: a low bass, then a major-seventh chord, alternating G and D each bar. */
const GYMNOPEDIE_LEFT = Array.from({ length: 12 }, (_, i) =>
  i % 2 === 0 ? 'G2:q B3+D4+F#4:h' : 'D2:q A3+C#4+F#4:h',
).join(' | ');

/** Public-domain classical pieces and openings, from the first melody to two-hand repertoire. */
export const CLASSICAL_SONGS: readonly CatalogueSong[] = [
  defineSong({
    id: 'ode-to-joy',
    title: 'Ode to Joy',
    composer: 'Ludwig van Beethoven',
    origin: 'Theme from the finale of Symphony No. 9, 1824; public domain',
    level: 1,
    genres: ['classical'],
    key: 'C major',
    meter: '4/4',
    tempo: 100,
    skills: ['stepwise melody in a five-finger position', 'dotted quarter and eighth', 'the low G'],
    melody:
      'E4:q E4 F4 G4 | G4 F4 E4 D4 | C4 C4 D4 E4 | E4:q. D4:e D4:h | ' +
      'E4:q E4 F4 G4 | G4 F4 E4 D4 | C4 C4 D4 E4 | D4:q. C4:e C4:h | ' +
      'D4:q D4 E4 C4 | D4 E4:e F4 E4:q C4 | D4 E4:e F4 E4:q D4 | C4 D4 G3:h | ' +
      'E4:q E4 F4 G4 | G4 F4 E4 D4 | C4 C4 D4 E4 | D4:q. C4:e C4:h',
  }),
  defineSong({
    id: 'beethoven-fifth-motif',
    title: 'Symphony No. 5 (opening motif)',
    composer: 'Ludwig van Beethoven',
    origin: 'Symphony No. 5 in C minor, first movement, 1808; public domain',
    level: 3,
    genres: ['classical'],
    key: 'C minor',
    meter: '2/4',
    tempo: 176,
    tempoText: 'Allegro con brio',
    skills: ['starting after a rest on the downbeat', 'eighth notes against held notes', 'ties'],
    melody: 'r:e G4:e G4 G4 | Eb4:h | r:e F4:e F4 F4 | D4:h~ | D4:h',
  }),
  defineSong({
    id: 'canon-in-d',
    title: 'Canon in D',
    composer: 'Johann Pachelbel',
    origin: 'Canon and Gigue in D, c. 1680–1706; public domain (theme over the ground bass)',
    level: 4,
    genres: ['classical'],
    key: 'D major',
    meter: '4/4',
    tempo: 60,
    tempoText: 'Adagio',
    skills: ['a ground bass in the left hand', 'hands together in half notes', 'descending scale lines'],
    melody: 'F#5:h E5 | D5 C#5 | B4 A4 | B4 C#5 | D5 C#5 | B4 A4 | G4 F#4 | G4 E4 | F#4+A4+D5:w',
    leftHand: 'D3:h A2 | B2 F#2 | G2 D2 | G2 A2 | D3 A2 | B2 F#2 | G2 D2 | G2 A2 | D3:w',
    chords: 'D A | Bm F#m | G D | G A | D A | Bm F#m | G D | G A | D',
  }),
  defineSong({
    id: 'minuet-in-g',
    title: 'Minuet in G',
    composer: 'Christian Petzold',
    origin: 'Notebook for Anna Magdalena Bach, 1725 (BWV Anh. 114); public domain (first section)',
    level: 4,
    genres: ['classical'],
    key: 'G major',
    meter: '3/4',
    tempo: 112,
    tempoText: 'Allegretto',
    skills: ['hands together in 3/4', 'eighth-note scale runs', 'a bass line in the left hand'],
    melody:
      'D5:q G4:e A4 B4 C5 | D5:q G4 G4 | E5:q C5:e D5 E5 F#5 | G5:q G4 G4 | ' +
      'C5:q D5:e C5 B4 A4 | B4:q C5:e B4 A4 G4 | F#4:q G4:e A4 B4 G4 | A4:h. | ' +
      'D5:q G4:e A4 B4 C5 | D5:q G4 G4 | E5:q C5:e D5 E5 F#5 | G5:q G4 G4 | ' +
      'C5:q D5:e C5 B4 A4 | B4:q C5:e B4 A4 G4 | A4:q B4:e A4 G4 F#4 | G4:h.',
    leftHand:
      'G3+B3+D4:h A3:q | B3:h. | C4:h. | B3:h. | A3:h. | G3:h. | D4:q B3 G3 | D4:q D3:e C4 B3 A3 | ' +
      'B3:h A3:q | G3 B3 G3 | C4:h. | B3:q C4:e B3 A3 G3 | A3:h F#3:q | G3:h B3:q | C4:q D4 D3 | G3:h G2:q',
  }),
  defineSong({
    id: 'hall-of-the-mountain-king',
    title: 'In the Hall of the Mountain King',
    composer: 'Edvard Grieg',
    origin: 'Peer Gynt, Op. 23, 1875; public domain (opening phrase)',
    level: 4,
    genres: ['classical'],
    key: 'B minor',
    meter: '4/4',
    tempo: 96,
    skills: ['eighth-note patterns', 'chromatic notes (E sharp, C natural)', 'staccato touch'],
    melody:
      'B3:e C#4 D4 E4 F#4 D4 F#4:q | E#4:e C#4 E#4:q E4:e C4 E4:q | ' +
      'B3:e C#4 D4 E4 F#4 D4 F#4 B4 | A4 F#4 D4 F#4 A4:h',
  }),
  defineSong({
    id: 'prelude-in-c',
    title: 'Prelude in C major (opening)',
    composer: 'Johann Sebastian Bach',
    origin: 'The Well-Tempered Clavier, Book I, BWV 846, 1722; public domain (bars 1–11)',
    level: 5,
    genres: ['classical'],
    key: 'C major',
    meter: '4/4',
    tempo: 66,
    skills: ['broken chords shared between the hands', 'holding notes under moving ones', 'reading harmony'],
    melody: PRELUDE.right,
    leftHand: [PRELUDE.bass, PRELUDE.tenor],
  }),
  defineSong({
    id: 'gymnopedie-no-1',
    title: 'Gymnopédie No. 1',
    composer: 'Erik Satie',
    origin: 'Trois Gymnopédies, 1888; public domain (bars 1–12)',
    level: 5,
    genres: ['classical'],
    key: 'D major',
    meter: '3/4',
    tempo: 72,
    tempoText: 'Lent et douloureux',
    skills: ['a left hand leaping from bass to chord', 'a slow singing melody', 'major-seventh chords'],
    melody:
      'r:h. | r:h. | r:h. | r:h. | r:q F#5 A5 | G5 F#5 C#5 | B4 C#5 D5 | A4:h. | F#4:h.~ | F#4:h.~ | F#4:h.~ | F#4:h.',
    leftHand: GYMNOPEDIE_LEFT,
  }),
  defineSong({
    id: 'eine-kleine-nachtmusik',
    title: 'Eine kleine Nachtmusik (opening)',
    composer: 'Wolfgang Amadeus Mozart',
    origin: 'Serenade No. 13, K. 525, 1787; public domain',
    level: 5,
    genres: ['classical'],
    key: 'G major',
    meter: '4/4',
    tempo: 132,
    tempoText: 'Allegro',
    skills: ['arpeggios up to D6', 'rests as part of the rhythm', 'both hands in octaves'],
    melody:
      'G5:q r:e D5:e G5:q r:e D5:e | G5:e D5 G5 B5 D6:q r:q | ' +
      'C6:q r:e A5:e C6:q r:e A5:e | C6:e A5 F#5 A5 D5:q r:q',
    leftHand:
      'G3:q r:e D3:e G3:q r:e D3:e | G3:e D3 G3 B3 D4:q r:q | ' +
      'C4:q r:e A3:e C4:q r:e A3:e | C4:e A3 F#3 A3 D3:q r:q',
  }),
  defineSong({
    id: 'fur-elise',
    title: 'Für Elise (opening)',
    composer: 'Ludwig van Beethoven',
    origin: 'Bagatelle in A minor, WoO 59, 1810; public domain (first section)',
    level: 6,
    genres: ['classical'],
    key: 'A minor',
    meter: '3/8',
    tempo: 70,
    tempoText: 'Poco moto',
    pickup: 'e',
    skills: ['sixteenth notes in 3/8', 'passing the melody between hands', 'D sharp and G sharp'],
    melody:
      'E5:s D#5 | E5 D#5 E5 B4 D5 C5 | A4:e r:s C4:s E4 A4 | B4:e r:s E4:s G#4 B4 | ' +
      'C5:e r:s E4:s E5 D#5 | E5 D#5 E5 B4 D5 C5 | A4:e r:s C4:s E4 A4 | B4:e r:s E4:s C5 B4 | A4:e r:e',
    leftHand:
      'r:e | r:q. | A2:s E3 A3 r:s r:e | E2:s E3 G#3 r:s r:e | A2:s E3 A3 r:s r:e | r:q. | ' +
      'A2:s E3 A3 r:s r:e | E2:s E3 G#3 r:s r:e | A2:s E3 A3 r:s',
  }),
];
