import {
  BinaryFile,
  SongDetailResponse,
  SongFileParams,
  SongListQuery,
  SongListResponse,
  SongParams,
  SongPracticeResponse,
} from '@cadenza/contracts';
import type { CatalogueSong } from '@cadenza/pedagogy';
import {
  exportSongFile,
  filterSongs,
  songAsExercise,
  songDetail,
  songSummaryView,
  storeExercise,
  type BlobStore,
  type ExportedFile,
} from '@cadenza/platform';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';
import { SongFileCache } from './song-file-cache.js';

export interface SongRoutesOptions {
  /** The milestone songs (pedagogy's SONG_CATALOGUE; tests may pass a few). */
  readonly catalogue: readonly CatalogueSong[];
  /** Where a song practised is kept as an exercise. */
  readonly blobs: BlobStore;
  /** Longest audio a render may make, in seconds (config.maxAudioSeconds). */
  readonly maxSeconds: number;
  /** SF2/SF3 to play songs with (config.soundFont; undefined: the bundled one). */
  readonly soundFont?: string | undefined;
  /** Most bytes of rendered song files kept in memory (default 64 MiB: about eight minutes of WAV). */
  readonly cacheBytes?: number;
}

const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

const FILE_CONTENT = {
  'audio/wav': { schema: BinaryFile.describe('16-bit stereo WAV') },
  'audio/mpeg': { schema: BinaryFile.describe('MP3') },
  'application/pdf': { schema: BinaryFile.describe('the engraved score') },
  'image/png': { schema: BinaryFile.describe("the engraved score's first page") },
  'audio/midi': { schema: BinaryFile.describe('Standard MIDI File') },
  'application/vnd.recordare.musicxml+xml': { schema: BinaryFile.describe('MusicXML 4.0') },
};

/** A song's file, inline where a browser can show or play it, named after the song. */
function sendSongFile(reply: FastifyReply, file: ExportedFile, id: string): FastifyReply {
  const inline =
    file.mediaType.startsWith('audio/') ||
    file.mediaType.startsWith('image/') ||
    file.mediaType === 'application/pdf';
  return reply
    .type(file.mediaType)
    .header('content-length', file.bytes.byteLength)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${id}.${file.extension}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'public, max-age=3600')
    .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

/**
 * The milestone song catalogue: list and filter it, read one song (facts and MusicXML), hear and download
 * it, and keep it as a practice exercise so the practice page and POST /practice/attempts work on it.
 * A browser's page navigation to /songs or /songs/{id} gets the studio page instead (see web/routes.ts).
 */
export function songRoutes(options: SongRoutesOptions): FastifyPluginAsyncZod {
  const { catalogue, blobs, maxSeconds, soundFont } = options;
  const byId = new Map(catalogue.map((song) => [song.id, song]));
  const cache = new SongFileCache(options.cacheBytes ?? DEFAULT_CACHE_BYTES);
  const songOf = (id: string): CatalogueSong => {
    const song = byId.get(id);
    if (!song) throw new ApiError(404, 'not_found', `no song has the id '${id}': GET /songs lists them`);
    return song;
  };
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (app) => {
    app.get(
      '/songs',
      {
        schema: {
          summary: 'List the milestone songs',
          description:
            'Public-domain pieces and traditional tunes graded by level (1–10) and tagged by genre, by level ' +
            'then title. Filter by level, genre and words of the title.',
          tags: ['songs'],
          querystring: SongListQuery,
          response: { 200: SongListResponse, ...errorResponses(400) },
        },
      },
      (request) => ({
        songs: filterSongs(catalogue, request.query).map(songSummaryView),
        total: catalogue.length,
      }),
    );

    app.get(
      '/songs/:id',
      {
        schema: {
          summary: 'Get a milestone song',
          description: 'Its facts, the score as MusicXML, and where to hear and download it.',
          tags: ['songs'],
          params: SongParams,
          response: { 200: SongDetailResponse, ...errorResponses(400, 404) },
        },
      },
      (request) => songDetail(songOf(request.params.id)),
    );

    app.get(
      '/songs/:id/:file',
      {
        schema: {
          summary: 'Hear or download a milestone song',
          description:
            'audio.wav or audio.mp3 (the score played at its tempo), score.pdf, score.png (the first ' +
            'page), score.mid or score.musicxml.',
          tags: ['songs'],
          params: SongFileParams,
          response: {
            200: { description: 'The song as a file', content: FILE_CONTENT },
            ...errorResponses(400, 404),
          },
        },
      },
      async (request, reply) => {
        const { id, file } = request.params;
        const song = songOf(id);
        const key = `${song.id}/${file}`;
        let exported = cache.get(key);
        if (!exported) {
          exported = await exportSongFile(song, file, { maxSeconds, soundFont });
          cache.set(key, exported);
        }
        return sendSongFile(reply, exported, song.id);
      },
    );

    app.post(
      '/songs/:id/practice',
      {
        schema: {
          summary: 'Practise a milestone song',
          description:
            'Keeps the song as a practice exercise (both hands expected, at its tempo): GET ' +
            '/exercises/{exercise_id} reads it and POST /practice/attempts grades a take against it; the ' +
            'studio page is practice_url.',
          tags: ['songs'],
          params: SongParams,
          response: { 200: SongPracticeResponse, ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        const { id } = await storeExercise(blobs, songAsExercise(songOf(request.params.id)));
        return { exercise_id: id, practice_url: `/practice?exercise=${id}` };
      },
    );
  };
}
