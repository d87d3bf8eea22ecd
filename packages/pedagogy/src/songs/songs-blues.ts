import { defineSong } from './define-song.js';
import type { CatalogueSong } from './song-types.js';

const TEACHING = 'Cadenza teaching piece, written for this catalogue (2026)';

/** The boogie-woogie bass figure (root, third, fifth, sixth, flat seventh and back) on a root. */
const BOOGIE: Record<'C' | 'F' | 'G', string> = {
  C: 'C3:e E3 G3 A3 Bb3 A3 G3 E3',
  F: 'F2:e A2 C3 D3 Eb3 D3 C3 A2',
  G: 'G2:e B2 D3 E3 F3 E3 D3 B2',
};
const BOOGIE_RIFF: Record<'C' | 'F' | 'G', string> = {
  C: 'G4:e Bb4 C5:q Eb5:e E5 C5:q',
  F: 'C5:e Eb5 F5:q Ab4:e A4 F4:q',
  G: 'D5:e F5 G5:q Bb4:e B4 G4:q',
};
const TWELVE_BAR = ['C', 'C', 'C', 'C', 'F', 'F', 'C', 'C', 'G', 'F', 'C'] as const;

/**
 * Twelve-bar blues heads written for teaching (the blues repertoire from before 1929 rarely has an
 * exact, agreed melody), from a one-octave riff to a slow 12/8 gospel blues.
 */
export const BLUES_SONGS: readonly CatalogueSong[] = [
  defineSong({
    id: 'first-steps-blues',
    title: 'First Steps Blues',
    composer: 'Cadenza',
    origin: TEACHING,
    level: 2,
    genres: ['blues'],
    key: 'C major',
    meter: '4/4',
    tempo: 96,
    tempoText: 'Medium blues',
    skills: ['the 12-bar blues form', 'the flat seventh (B flat)', 'chord tones of C7, F7 and G7'],
    melody:
      'C4:q E4 G4 A4 | Bb4:h A4:q G4 | C4 E4 G4 A4 | G4:w | F4:q A4 C5 A4 | A4:h F4 | ' +
      'C4:q E4 G4 A4 | G4:w | G4:q B4 D5 B4 | A4 C5 A4 F4 | G4 E4 D4 E4 | C4:w',
    chords: 'C7 | C7 | C7 | C7 | F7 | F7 | C7 | C7 | G7 | F7 | C7 | C7',
  }),
  defineSong({
    id: 'shuffle-in-g',
    title: 'Shuffle in G',
    composer: 'Cadenza',
    origin: TEACHING,
    level: 3,
    genres: ['blues'],
    key: 'G major',
    meter: '4/4',
    tempo: 108,
    tempoText: 'Shuffle',
    feel: { kind: 'swing', ratio: 2, label: 'Shuffle' },
    skills: ['the blue third (B flat to B)', 'call and response', 'swung eighths'],
    melody:
      'G4:e Bb4 B4:q D5 r | F4:q D4 G4:h | G4:e Bb4 B4:q D5 r | G4:h r | ' +
      'C5:e Eb5 E5:q C5 r | Bb4:q G4 C5:h | G4:e Bb4 B4:q D5 r | D4:q F4 G4:h | ' +
      'A4:q C5 D5:h | C5:q Bb4 G4:h | G4:e Bb4 B4:q D5 B4 | G4:w',
    chords: 'G7 | G7 | G7 | G7 | C7 | C7 | G7 | G7 | D7 | C7 | G7 | G7',
  }),
  defineSong({
    id: 'walking-blues-in-f',
    title: 'Walking Blues in F',
    composer: 'Cadenza',
    origin: TEACHING,
    level: 5,
    genres: ['blues', 'jazz'],
    key: 'F major',
    meter: '4/4',
    tempo: 132,
    tempoText: 'Swing',
    feel: { kind: 'swing', ratio: 1.7, label: 'Swing' },
    skills: ['jazz blues changes (ii–V, VI7)', 'shell voicings', 'outlining chords in the melody'],
    melody:
      'F4:q A4 C5 Eb5 | D5:h Ab4 | A4:e C5 F5:q Eb5 C5 | Eb5 C5 A4:h | Bb4:q D5 F5 D5 | Ab4:h F4 | ' +
      'A4:q C5 Eb5 C5 | F#4 A4 C5 A4 | Bb4 D5 F5 D5 | E5 C5 Bb4 G4 | Bb4 G4 E4 G4 | F4:w',
    chords: 'F7 | Bb7 | F7 | F7 | Bb7 | Bb7 | F7 | D7 | Gm7 | C7 | Gm7:h C7:h | F7',
    leftHandStyle: 'shells',
  }),
  defineSong({
    id: 'minor-blues-in-c',
    title: 'Minor Blues in C',
    composer: 'Cadenza',
    origin: TEACHING,
    level: 6,
    genres: ['blues', 'jazz'],
    key: 'C minor',
    meter: '4/4',
    tempo: 120,
    tempoText: 'Swing',
    feel: { kind: 'swing', ratio: 1.7, label: 'Swing' },
    skills: ['the minor blues form', 'the blues scale (G flat)', 'the flat-six dominant (A flat 7)'],
    melody:
      'C5:e Eb5 G5 Eb5 C5:q G4 | Bb4:q. G4:e C5:h | Eb5:e F5 Gb5 F5 Eb5:q C5 | Bb4 G4 C5:h | ' +
      'Ab4:e C5 Eb5 C5 F5:h | Eb5:q C5 Ab4:h | G4:e Bb4 C5 Eb5 G5:h | F5:q Eb5 C5:h | ' +
      'Eb5:e C5 Ab4 C5 Gb4:h | F4:q B4 D5 B4 | C5:e Eb5 G5:q Eb5 C5 | C5:w',
    chords: 'Cm7 | Cm7 | Cm7 | Cm7 | Fm7 | Fm7 | Cm7 | Cm7 | Ab7 | G7 | Cm7 | Cm7',
    leftHandStyle: 'shells',
  }),
  defineSong({
    id: 'boogie-woogie-study',
    title: 'Boogie-Woogie Study',
    composer: 'Cadenza',
    origin: TEACHING,
    level: 7,
    genres: ['blues'],
    key: 'C major',
    meter: '4/4',
    tempo: 144,
    tempoText: 'Boogie',
    feel: { kind: 'swing', ratio: 2, label: 'Shuffle' },
    skills: ['a walking boogie bass', 'hands independent', 'blue notes against the bass'],
    melody: [...TWELVE_BAR.map((r) => BOOGIE_RIFF[r]), 'C5:w'].join(' | '),
    leftHand: [...TWELVE_BAR.map((r) => BOOGIE[r]), 'C3:h C2:h'].join(' | '),
    chords: 'C7 | C7 | C7 | C7 | F7 | F7 | C7 | C7 | G7 | F7 | C7 | C7',
  }),
  defineSong({
    id: 'sunday-evening-blues',
    title: 'Sunday Evening Blues',
    composer: 'Cadenza',
    origin: TEACHING,
    level: 7,
    genres: ['blues', 'gospel'],
    key: 'Bb major',
    meter: '12/8',
    tempo: 75,
    tempoText: 'Slow gospel blues',
    skills: ['12/8 time', 'the diminished passing chord (E dim7)', 'block chords under a singing line'],
    melody:
      'F4:e Bb4 D5 F5:q. D5:e C5 Bb4 Ab4:q. | G4:q. Bb4:e C5 Db5 Eb5:h. | ' +
      'D5:e C5 Bb4 F4:q. Ab4:e G4 F4 D4:q. | F4:q. Bb4 D5:h. | ' +
      'Eb5:e Db5 Bb4 G4:q. Bb4:h. | G4:q. Bb4 Db5 E5 | F5:h. D5:q. Bb4 | B4:e D5 F5 D5:q. B4 G4 | ' +
      'C5:e Eb5 G5 Eb5:q. Bb4:h. | A4:e C5 Eb5 C5:q. A4 F4 | D5:q. F5 Db5 G4 | Bb4:w.',
    chords: 'Bb7 | Eb7 | Bb7 | Bb7 | Eb7 | Edim7 | Bb7/F | G7 | Cm7 | F7 | Bb7:h. Eb7:h. | Bb7',
    leftHandStyle: 'blocks',
  }),
];
