import { z } from 'zod';
import { ResourceId } from './common.js';
import { LearningGenreName } from './learning.js';

/**
 * The milestone song catalogue (issue 8): public-domain pieces and traditional tunes a learning plan
 * picks one of each week. GET /songs lists them (filtered by level, genre or title words), GET
 * /songs/{id} answers one with its MusicXML and where to hear and download it, and POST
 * /songs/{id}/practice keeps it as a practice exercise that /practice grades like any other.
 */

/** A song's id: kebab-case words, e.g. "ode-to-joy". */
export const SongId = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a song id: song ids are lowercase words joined by "-"')
  .describe('the song\'s kebab-case id, e.g. "ode-to-joy"');

export const SongSummaryView = z.object({
  id: SongId,
  title: z.string(),
  composer: z.string().describe('"Traditional" for folk tunes, else the composer'),
  origin: z.string().describe('where it comes from and why it is public domain, in a line'),
  level: z.number().int().min(1).max(10).describe("1–10, the exercises' difficulty scale"),
  genres: z.array(LearningGenreName).describe('the first is the main one'),
  key: z.string().describe('e.g. "G major"'),
  time_signature: z.string().describe('e.g. "3/4"'),
  tempo: z.number().describe('quarter notes per minute the score is marked at'),
  bars: z.number().int(),
  has_chords: z.boolean().describe('the score carries chord symbols'),
  skills: z.array(z.string()).describe('what the piece teaches ("dotted rhythms", "hands together")'),
});
export type SongSummaryView = z.infer<typeof SongSummaryView>;

export const SongListQuery = z.object({
  level: z.coerce
    .number()
    .int('level must be a whole number')
    .min(1, 'level must be at least 1')
    .max(10, 'level must be at most 10')
    .optional()
    .describe('only songs at this level'),
  genre: LearningGenreName.optional().describe('only songs tagged with this genre'),
  q: z.string().trim().max(100).optional().describe('words the title contains (any case)'),
});
export type SongListQuery = z.infer<typeof SongListQuery>;

export const SongListResponse = z.object({
  songs: z.array(SongSummaryView).describe('by level, then title'),
  total: z.number().int().describe('how many songs the catalogue holds in all (unfiltered)'),
});
export type SongListResponse = z.infer<typeof SongListResponse>;

export const SongUrls = z.object({
  audio_url: z.string().describe('the song as WAV'),
  mp3_url: z.string(),
  score_pdf_url: z.string().describe('the engraved score'),
  score_png_url: z.string().describe('the first page of the engraved score'),
  midi_url: z.string(),
  musicxml_url: z.string(),
});
export type SongUrls = z.infer<typeof SongUrls>;

export const SongDetailResponse = SongSummaryView.extend({
  musicxml: z.string().describe('the score as MusicXML 4.0'),
  urls: SongUrls,
});
export type SongDetailResponse = z.infer<typeof SongDetailResponse>;

export const SongParams = z.object({ id: SongId });

/** GET /songs/{id}/{file}: the song as audio, sheet music (PDF or the first page as PNG), MIDI or MusicXML. */
export const SONG_FILES = [
  'audio.wav',
  'audio.mp3',
  'score.pdf',
  'score.png',
  'score.mid',
  'score.musicxml',
] as const;
export type SongFile = (typeof SONG_FILES)[number];
export const SongFileParams = z.object({
  id: SongId,
  file: z.enum(SONG_FILES).describe(SONG_FILES.join(', ')),
});

export const SongPracticeResponse = z.object({
  exercise_id: ResourceId.describe(
    'the stored exercise: GET /exercises/{id}, grade with POST /practice/attempts',
  ),
  practice_url: z.string().describe('the studio page that practises it: /practice?exercise={id}'),
});
export type SongPracticeResponse = z.infer<typeof SongPracticeResponse>;
