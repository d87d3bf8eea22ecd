import { z } from 'zod';
import { ResourceId } from './common.js';

/**
 * POST /{genre}/generate: the spec's request schemas (Feature 7) and its GenerationResponse, plus what a
 * client needs to show and replay the result (MusicXML, the seed, how the description was read).
 */
export const GENERATE_GENRES = ['gospel', 'jazz', 'blues', 'classical', 'neosoul'] as const;
export const GenerateGenre = z.enum(GENERATE_GENRES);
export type GenerateGenre = z.infer<typeof GenerateGenre>;

/** Application types per genre, the first the default (spec: PRACTICE, STANDARD, SHUFFLE, …). */
export const GENRE_APPLICATIONS = {
  gospel: ['practice', 'concert', 'worship', 'uptempo'],
  jazz: ['standard', 'ballad', 'uptempo'],
  blues: ['shuffle', 'slow', 'fast'],
  classical: ['classical', 'baroque', 'romantic'],
  neosoul: ['smooth', 'uptempo'],
} as const satisfies Record<GenerateGenre, readonly string[]>;

/** Default bars per genre (spec). */
export const GENRE_DEFAULT_BARS: Readonly<Record<GenerateGenre, number>> = {
  gospel: 8,
  jazz: 16,
  blues: 12,
  classical: 16,
  neosoul: 8,
};

/** An enum value the spec writes in capitals ("WORSHIP") but any case is accepted. */
const anyCase = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), z.enum(values));

const common = {
  description: z
    .string()
    .max(2000)
    .default('')
    .describe('natural language, e.g. "Uplifting worship song in C major with soulful gospel feel"'),
  key: z
    .string()
    .trim()
    .min(1)
    .max(30)
    .optional()
    .describe('overrides the description: "Bb", "F# minor", "Ebm"'),
  tempo: z
    .number()
    .min(20, 'tempo must be at least 20 bpm')
    .max(400, 'tempo must be at most 400 bpm')
    .optional()
    .describe('quarter notes per minute; moved into the application range'),
  include_progression: z.boolean().default(true).describe('include chord_progression in the response'),
  chord_chart: z
    .string()
    .max(4000)
    .optional()
    .describe('your own chart instead of a generated progression: "| Cmaj7 | Am7 | Dm7 G7 | Cmaj7 |"'),
  left_hand: z.string().max(60).optional().describe('a left-hand pattern id or name, e.g. walking-bass'),
  right_hand: z
    .string()
    .max(60)
    .optional()
    .describe('a right-hand pattern id or name, e.g. rootless-voicings'),
  swing_ratio: z
    .number()
    .min(1)
    .max(3)
    .optional()
    .describe('long:short, 1.0 straight – 3.0 (jazz, blues, gospel)'),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional()
    .describe('same request + seed = the same MIDI, byte for byte; omitted: a fresh one (returned)'),
  title: z.string().trim().min(1).max(120).optional().describe('title on the score and in the library'),
};

const bars = (genre: GenerateGenre) =>
  z
    .number()
    .int('num_bars must be a whole number')
    .min(1, 'num_bars must be at least 1')
    .max(256, 'num_bars must be at most 256')
    .optional()
    .describe(`number of bars (default ${GENRE_DEFAULT_BARS[genre]}, or the description's or chart's)`);

const application = <G extends GenerateGenre>(genre: G) =>
  anyCase(GENRE_APPLICATIONS[genre])
    .optional()
    .describe(`${GENRE_APPLICATIONS[genre].join(', ')} (any case); default ${GENRE_APPLICATIONS[genre][0]}`);

const filled = (value: unknown) => typeof value === 'string' && value.trim().length > 0;
const needsSomething = (body: { readonly description?: unknown; readonly chord_chart?: unknown }) =>
  filled(body.description) || filled(body.chord_chart);
const NEEDS_SOMETHING = {
  message: 'description: describe the piece (or give a chord_chart)',
  path: ['description'],
};

/** One genre's request: the common fields, its bars and applications, and what only it has. */
const genreRequest = <G extends GenerateGenre, E extends z.ZodRawShape>(genre: G, extra: E) =>
  z
    .object({
      ...common,
      num_bars: bars(genre),
      application: application(genre),
      time_signature: z.string().max(8).optional().describe('e.g. 4/4 (default), 3/4, 6/8, 12/8'),
      ...extra,
    })
    .refine(needsSomething, NEEDS_SOMETHING);

export const GospelGenerateRequest = genreRequest('gospel', {
  ai_percentage: z.number().min(0).max(1).default(0).describe('0.0 = pure rules … 1.0 = pure model'),
});
export const JazzGenerateRequest = genreRequest('jazz', {});
export const BluesGenerateRequest = genreRequest('blues', {});
export const ClassicalGenerateRequest = genreRequest('classical', {
  time_signature: z.string().max(8).default('4/4').describe('e.g. 4/4 (default), 3/4, 6/8'),
});
export const NeoSoulGenerateRequest = genreRequest('neosoul', {});

export const GENERATE_REQUESTS = {
  gospel: GospelGenerateRequest,
  jazz: JazzGenerateRequest,
  blues: BluesGenerateRequest,
  classical: ClassicalGenerateRequest,
  neosoul: NeoSoulGenerateRequest,
} as const;

/** Any genre's request once parsed (fields a genre lacks are absent). */
export interface GenerateRequest {
  readonly description: string;
  readonly key?: string | undefined;
  readonly tempo?: number | undefined;
  readonly num_bars?: number | undefined;
  readonly application?: string | undefined;
  readonly include_progression: boolean;
  readonly chord_chart?: string | undefined;
  readonly left_hand?: string | undefined;
  readonly right_hand?: string | undefined;
  readonly swing_ratio?: number | undefined;
  readonly seed?: number | undefined;
  readonly title?: string | undefined;
  readonly ai_percentage?: number | undefined;
  readonly time_signature?: string | undefined;
}

export const ChordInfo = z.object({
  chord_symbol: z.string().describe('e.g. Cmaj9'),
  harmonic_function: z.string().describe('roman numeral in the key, e.g. I, V7/V, ♭VII'),
  notes: z.array(z.string()).describe('spelled chord tones from the root, e.g. C E G B D'),
  comments: z.string().nullable().describe('why this chord is here, for a student'),
  bar: z.number().int().describe('bar number from 1'),
  beat: z.number().describe('beat in the bar from 1'),
  duration_beats: z.number().describe('length in quarter notes'),
});
export type ChordInfo = z.infer<typeof ChordInfo>;

export const GenerationMetadata = z.object({
  tempo: z.number().int().describe('quarter notes per minute'),
  key: z.string().describe('e.g. C, Am, Bb'),
  time_signature: z.string(),
  num_bars: z.number().int(),
  note_count: z.number().int(),
  generation_method: z.string().describe('rules while no language model is configured'),
  application: z.string(),
  feel: z.string().describe('straight, swing 2.0, shuffle 2.5, laid back 0.05 beat'),
  left_hand: z.string().describe('left-hand pattern id'),
  right_hand: z.string().describe('right-hand pattern id'),
  sections: z.array(z.object({ bar: z.number().int(), label: z.string() })),
});
export type GenerationMetadata = z.infer<typeof GenerationMetadata>;

export const NotePreview = z.object({
  midi_note: z.number().int(),
  start_time: z.number().describe('quarter notes from the start, as played (swing and laid-back included)'),
  duration: z.number().describe('quarter notes'),
  velocity: z.number().int(),
  note_name: z.string().describe('scientific pitch, e.g. C4, Bb3'),
  hand: z.enum(['left', 'right']),
});
export type NotePreview = z.infer<typeof NotePreview>;

const readChoice = <T extends z.ZodType>(value: T) =>
  z.object({
    value,
    from: z.enum(['field', 'description', 'chart', 'default']),
    words: z.string().optional().describe('the words of the description it came from'),
    adjustedFrom: z.number().optional().describe('the asked-for tempo, outside the application range'),
  });

/** How the request was read: each setting and where it came from. */
export const RequestReadingReport = z.object({
  key: readChoice(z.string()),
  tempo: readChoice(z.number()),
  bars: readChoice(z.number()),
  application: readChoice(z.string()),
  timeSignature: readChoice(z.string()),
  moods: z.array(z.object({ value: z.string(), words: z.string() })),
  styles: z.array(z.object({ value: z.string(), words: z.string() })),
});
export type RequestReadingReport = z.infer<typeof RequestReadingReport>;

export const GenerationResponse = z.object({
  id: z.string().describe('the MIDI download id'),
  midi_base64: z.string(),
  download_url: z.string().describe('GET it for the MIDI file: /{genre}/download/{id}.mid'),
  chord_progression: z.array(ChordInfo),
  metadata: GenerationMetadata,
  note_preview: z.array(NotePreview).describe('the first 4 bars, at most 100 notes'),
  musicxml: z.string().describe('the score as MusicXML 4.0 (straight notation, "Swing" marked)'),
  seed: z.number().int(),
  reading: RequestReadingReport,
  item_id: ResourceId.nullable().describe('the library item when signed in, else null'),
});
export type GenerationResponse = z.infer<typeof GenerationResponse>;

/** GET /{genre}/download/{file}: the id the response gave, with `.mid`. */
export const GenerateDownloadParams = z.object({
  file: z.string().regex(/^[A-Za-z0-9_-]{22}\.mid$/, 'not a download: /{genre}/download/{id}.mid'),
});

/** POST /{genre}/generate with a genre that is not one (answered 400, naming it). */
export const AnyGenreParams = z.object({ genre: z.string().max(60) });
