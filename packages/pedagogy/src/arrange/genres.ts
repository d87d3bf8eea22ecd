/**
 * The five genres and their application types, with the spec's tempo and dynamics ranges (Feature 7).
 * Ranges are inclusive: a requested tempo outside its application's range is clamped into it, and every
 * velocity an arranger writes lies inside `velocity`.
 */
export const GENRES = ['gospel', 'jazz', 'blues', 'classical', 'neosoul'] as const;
export type Genre = (typeof GENRES)[number];

export interface ApplicationProfile {
  /** The spec's name, lower case: `worship`, `standard`, `shuffle`… */
  readonly id: string;
  /** Tempo range in quarter notes per minute, inclusive. */
  readonly tempo: readonly [number, number];
  /** The tempo used when neither the request nor its description names one. */
  readonly defaultTempo: number;
  /** MIDI velocity range, inclusive. */
  readonly velocity: readonly [number, number];
  /** Chance (0–1) that a phrase end gets a fill or a lick. */
  readonly improvisation: number;
  /** What the spec says the application is for, for the response and the web page. */
  readonly description: string;
}

const app = (
  id: string,
  tempo: readonly [number, number],
  defaultTempo: number,
  velocity: readonly [number, number],
  improvisation: number,
  description: string,
): ApplicationProfile => ({ id, tempo, defaultTempo, velocity, improvisation, description });

/**
 * Applications per genre, the first being the genre's default. Where the spec gives no dynamics range
 * (practice, ballad, …) we chose one a teacher would expect for the style: soft for ballads, strong for
 * up-tempo. Classical tempo is "context-dependent" in the spec: we use period-typical ranges.
 */
export const APPLICATIONS: Readonly<Record<Genre, readonly ApplicationProfile[]>> = {
  gospel: [
    app('practice', [80, 100], 90, [60, 90], 0.1, 'straight feel for learning'),
    app('concert', [70, 160], 96, [20, 127], 0.5, 'full range of tempo and dynamics'),
    app('worship', [60, 80], 72, [40, 80], 0.3, 'slow and gentle, for a congregation'),
    app('uptempo', [120, 140], 128, [80, 120], 0.75, 'driving, celebratory'),
  ],
  jazz: [
    app('standard', [120, 200], 160, [55, 105], 0.6, 'walking bass, moderate improvisation'),
    app('ballad', [60, 80], 68, [35, 85], 0.3, 'sustained rootless voicings'),
    app('uptempo', [200, 300], 240, [60, 115], 0.8, 'continuous motion, heavy improvisation'),
  ],
  blues: [
    app('shuffle', [100, 120], 112, [60, 110], 0.4, 'classic shuffle feel'),
    app('slow', [60, 80], 70, [40, 100], 0.4, 'expressive, even eighths'),
    app('fast', [140, 180], 160, [70, 120], 0.5, 'up-tempo blues'),
  ],
  classical: [
    app('classical', [72, 132], 100, [45, 100], 0, '1750–1820: balanced, elegant, I–IV–V–I'),
    app('baroque', [60, 120], 88, [55, 90], 0, '1600–1750: counterpoint, sequences, ornament'),
    app('romantic', [50, 110], 72, [30, 115], 0, '1820–1900: expressive, chromatic harmony'),
  ],
  neosoul: [
    app('smooth', [70, 90], 80, [40, 90], 0.35, 'sustained extended voicings, laid back'),
    app('uptempo', [90, 110], 100, [50, 105], 0.4, 'syncopated 16th-note grooves'),
  ],
};

/** Default number of bars per genre (the spec's request defaults). */
export const DEFAULT_BARS: Readonly<Record<Genre, number>> = {
  gospel: 8,
  jazz: 16,
  blues: 12,
  classical: 16,
  neosoul: 8,
};

/** The application profile, or undefined for a name the genre does not have (case-insensitive). */
export function applicationProfile(genre: Genre, id: string): ApplicationProfile | undefined {
  return APPLICATIONS[genre].find((a) => a.id === id.toLowerCase());
}

export const isGenre = (text: string): text is Genre => (GENRES as readonly string[]).includes(text);
