import {
  AnyGenreParams,
  BinaryFile,
  GENERATE_GENRES,
  GENERATE_REQUESTS,
  GENRE_APPLICATIONS,
  GenerateDownloadParams,
  GenerationResponse,
  type GenerateGenre,
} from '@cadenza/contracts';
import {
  createProgressionCache,
  exportBaseName,
  generateArrangement,
  MIDI_MEDIA_TYPE,
  storeGeneration,
  type BlobContent,
  type BlobStore,
  type ItemsRepository,
  type ProgressionCache,
} from '@cadenza/platform';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';
import { contentDisposition } from '../library/send-file.js';

export interface GenerateRoutesOptions {
  readonly blobs: BlobStore;
  readonly items: ItemsRepository;
  /** Proposed progressions by (description, genre, key, …, seed); default a fresh 500-entry cache. */
  readonly cache?: ProgressionCache;
}

const GENRE_TITLES: Readonly<Record<GenerateGenre, string>> = {
  gospel: 'Gospel',
  jazz: 'Jazz',
  blues: 'Blues',
  classical: 'Classical',
  neosoul: 'Neo-soul',
};

/** The stored MIDI as a download; ids never change content, so it may be cached for good. */
function sendMidi(reply: FastifyReply, blob: BlobContent, fileName: string): FastifyReply {
  return reply
    .type(MIDI_MEDIA_TYPE)
    .header('content-length', blob.size)
    .header('content-disposition', contentDisposition(fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'public, max-age=31536000, immutable')
    .send(blob.stream);
}

const noSuchDownload = () =>
  new ApiError(404, 'not_found', 'no generated MIDI has this id: generate again (the seed replays it)');

/**
 * The genre generators: `POST /{genre}/generate` arranges a description (or a chord chart) and answers
 * the spec's GenerationResponse; `GET /{genre}/download/{id}.mid` serves the MIDI. Anyone may generate;
 * a signed-in user's arrangement is also saved to their library (`item_id`).
 */
export function generateRoutes(options: GenerateRoutesOptions): FastifyPluginAsyncZod {
  const { blobs, items } = options;
  const cache = options.cache ?? createProgressionCache();
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (app) => {
    // Any other /{genre}/generate: a 400 that names the genre (the known ones are static routes and win).
    app.post(
      '/:genre/generate',
      {
        schema: {
          summary: 'An unknown genre',
          description: `Answers 400: the genres are ${GENERATE_GENRES.join(', ')}.`,
          tags: ['generate'],
          params: AnyGenreParams,
          response: { ...errorResponses(400) },
        },
      },
      (request) => {
        const genre = request.params.genre;
        throw new ApiError(
          400,
          'invalid_request',
          `genre: '${genre}' is not a genre: use ${GENERATE_GENRES.join(', ')}`,
          { issues: [{ path: 'path.genre', message: `not a genre: use ${GENERATE_GENRES.join(', ')}` }] },
        );
      },
    );

    for (const genre of GENERATE_GENRES) {
      const title = GENRE_TITLES[genre];
      app.post(
        `/${genre}/generate`,
        {
          schema: {
            summary: `Generate a ${title.toLowerCase()} piano arrangement`,
            description:
              `From a plain-English description (key, tempo, length, mood and style cues are read from it; ` +
              `explicit fields win) or your own chord_chart. Applications: ` +
              `${GENRE_APPLICATIONS[genre].join(', ')} (any case). The same request with the same seed ` +
              `gives the same MIDI, byte for byte. Signed in, the arrangement is saved to your library.`,
            tags: ['generate'],
            body: GENERATE_REQUESTS[genre],
            response: {
              200: GenerationResponse.describe('The arrangement: MIDI, chord chart with analysis, preview'),
              ...errorResponses(400, 415),
            },
          },
        },
        async (request) => {
          const generated = generateArrangement(genre, request.body, { cache });
          const stored = await storeGeneration({ blobs, items }, generated, request.user?.id);
          return {
            id: stored.downloadId,
            download_url: `/${genre}/download/${stored.downloadId}.mid`,
            item_id: stored.itemId,
            ...generated.report,
          };
        },
      );

      app.get(
        `/${genre}/download/:file`,
        {
          schema: {
            summary: `Download a generated ${title.toLowerCase()} arrangement as MIDI`,
            tags: ['generate'],
            params: GenerateDownloadParams,
            response: {
              200: {
                description: 'Standard MIDI File',
                content: { 'audio/midi': { schema: BinaryFile.describe('Standard MIDI File') } },
              },
              ...errorResponses(400, 404),
            },
          },
        },
        async (request, reply) => {
          const id = request.params.file.slice(0, -'.mid'.length);
          const blob = await blobs.get(id);
          if (!blob) throw noSuchDownload();
          if (blob.mediaType !== MIDI_MEDIA_TYPE) {
            blob.stream.destroy();
            throw noSuchDownload();
          }
          return sendMidi(reply, blob, `${exportBaseName(`${genre}-${id}`)}.mid`);
        },
      );
    }
  };
}
