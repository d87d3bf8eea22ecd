// Types only: the lists below are checked against the contracts' values by `satisfies`, without
// bundling zod into the studio.
import type { GENRE_APPLICATIONS, GenerateGenre } from '@cadenza/contracts';

/** What the Generate page knows about one genre: its name, applications, example prompts and hands. */
export interface GenreInfo {
  readonly label: string;
  /** A few words under the genre's name. */
  readonly blurb: string;
  /** The server's default length (contracts' GENRE_DEFAULT_BARS), shown as the Bars placeholder. */
  readonly defaultBars: number;
  /** Descriptions to start from, one click away. */
  readonly examples: readonly string[];
  /** Left- and right-hand pattern ids the server accepts (from its 400 message for an unknown one). */
  readonly leftHands: readonly string[];
  readonly rightHands: readonly string[];
}

export const GENRES = [
  'gospel',
  'jazz',
  'blues',
  'classical',
  'neosoul',
] as const satisfies readonly GenerateGenre[];

/** The applications per genre, the default first: exactly the contracts' lists. */
export const APPLICATIONS = {
  gospel: ['practice', 'concert', 'worship', 'uptempo'],
  jazz: ['standard', 'ballad', 'uptempo'],
  blues: ['shuffle', 'slow', 'fast'],
  classical: ['classical', 'baroque', 'romantic'],
  neosoul: ['smooth', 'uptempo'],
} as const satisfies typeof GENRE_APPLICATIONS;

export const GENRE_INFO = {
  gospel: {
    label: 'Gospel',
    blurb: 'Church harmony, walk-ups and fills',
    defaultBars: 8,
    examples: [
      'Uplifting worship song in C major with a soulful gospel feel',
      'Slow praise ballad in Ab, 6/8, reflective',
      'Uptempo shout in F at 130 bpm',
    ],
    leftHands: ['shell-voicing', 'alberti-bass', 'stride-bass', 'walking-bass', 'syncopated-comping'],
    rightHands: [
      'block-chord',
      'melody-with-fills',
      'octave-doubling',
      'chord-fills',
      'polychord',
      'arpeggiated-voicing',
    ],
  },
  jazz: {
    label: 'Jazz',
    blurb: 'ii–V–I, swing and walking bass',
    defaultBars: 16,
    examples: [
      'Medium swing standard in Bb with a walking bass',
      'Late-night jazz ballad in Eb, warm and tender',
      'Fast bebop tune in F at 220 bpm',
    ],
    leftHands: ['walking-bass', 'stride-bass', 'shell-voicing', 'syncopated-comping'],
    rightHands: ['block-chord', 'chord-melody', 'octave-doubling', 'improvisation', 'rootless-voicings'],
  },
  blues: {
    label: 'Blues',
    blurb: '12-bar form, shuffle and boogie-woogie',
    defaultBars: 12,
    examples: [
      'Classic 12-bar shuffle in E',
      'Slow minor blues in G, moody',
      'Fast boogie-woogie in C at 160 bpm',
    ],
    leftHands: ['boogie-woogie-bass', '12-bar-blues-bass', 'shuffle-patterns'],
    rightHands: [
      'block-chords',
      'chord-fills',
      '12-bar-blues-melody',
      'call-response',
      'tremolo-double-stops',
    ],
  },
  classical: {
    label: 'Classical',
    blurb: 'Clean voice leading, cadences, Alberti bass',
    defaultBars: 16,
    examples: [
      'Gentle classical piece in G major with an Alberti bass',
      'Baroque minuet in D minor, 3/4',
      'Romantic nocturne in Db, expressive',
    ],
    leftHands: ['alberti-bass', 'broken-chord', 'arpeggiated'],
    rightHands: ['melodic-line', 'chord-voicing', 'contrapuntal', 'arpeggiated'],
  },
  neosoul: {
    label: 'Neo-soul',
    blurb: 'Ninths and elevenths, laid back',
    defaultBars: 8,
    examples: [
      'Smooth neo-soul groove in Eb, laid back',
      'Dreamy neo-soul in A minor at 75 bpm',
      'Uptempo neo-soul jam in F',
    ],
    leftHands: ['extended-comping', 'rhythmic-syncopation', 'syncopated-bass'],
    rightHands: ['extended-voicings', 'chromatic-fills', 'sustained-voicings'],
  },
} as const satisfies Record<GenerateGenre, GenreInfo>;

/** Genres whose feel takes a swing ratio. */
export const SWUNG_GENRES: readonly GenerateGenre[] = ['gospel', 'jazz', 'blues'];

/** "practice" → "Practice", "uptempo" → "Uptempo". */
export function applicationLabel(application: string): string {
  return application.charAt(0).toUpperCase() + application.slice(1);
}

/** "walking-bass" → "Walking bass", "12-bar-blues-bass" → "12-bar blues bass". */
export function patternLabel(pattern: string): string {
  const words = pattern.replace(/-/g, ' ').replace(/^12 bar/, '12-bar');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
