import { AudioExportQuery, ConvertUpload, ExportItemParams, SheetExportQuery } from '@cadenza/contracts';
import {
  exportItemAudio,
  exportScoreAudio,
  exportSheetMusic,
  loadItemScore,
  parseScoreFile,
  exportBaseName,
  type BlobStore,
  type ItemsRepository,
} from '@cadenza/platform';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser, SIGNED_IN, signedInUser } from '../auth/auth-plugin.js';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';
import { withoutExtension } from '../file-names.js';
import { readSingleUpload, registerUploads } from '../uploads/uploads.js';
import { batchExportRoute } from './batch-route.js';
import { AUDIO_CONTENT, SHEET_CONTENT } from './export-content.js';
import { sendExport } from './export-reply.js';

export interface ExportRoutesOptions {
  readonly items: ItemsRepository;
  readonly blobs: BlobStore;
  readonly maxUploadBytes: number;
  /** Longest audio (and score) an export may make, in seconds (config.maxAudioSeconds). */
  readonly maxSeconds: number;
  /** SF2/SF3 to play with (config.soundFont); undefined: the bundled default. */
  readonly soundFont?: string | undefined;
}

const TAGS = ['export'];
const noSuchItem = () => new ApiError(404, 'not_found', 'you have no library item with this id');

/** Uploads are streams read by readSingleUpload: only the query and params go through zod. */
const queryOnly = {
  validatorCompiler: ({ schema, httpPart }: { schema: unknown; httpPart?: string }) =>
    httpPart === 'body'
      ? (data: unknown) => ({ value: data })
      : validatorCompiler({ schema, httpPart } as never),
};

/**
 * Exports: a library item (GET, signed in, own items) or an uploaded score (POST, anyone) as audio or
 * sheet music, and several items × formats as one streamed ZIP (POST /export/batch).
 */
export function exportRoutes(options: ExportRoutesOptions): FastifyPluginAsyncZod {
  const { items, blobs, maxUploadBytes, maxSeconds, soundFont } = options;
  return async (app) => {
    await registerUploads(app, maxUploadBytes);

    app.get(
      '/export/audio/:id',
      {
        onRequest: requireUser,
        schema: {
          summary: 'A library item as audio (WAV, MP3, FLAC, Ogg Vorbis or AAC)',
          description:
            'The item’s score played with the SoundFont; an item with only a recording is transcoded. ' +
            'Answers the file as an attachment named after the item.',
          tags: TAGS,
          security: SIGNED_IN,
          params: ExportItemParams,
          querystring: AudioExportQuery,
          response: {
            200: { description: 'The audio file', content: AUDIO_CONTENT },
            ...errorResponses(400, 401, 404, 415, 422),
          },
        },
      },
      async (request, reply) => {
        const item = await items.get(signedInUser(request).id, request.params.id);
        if (!item) throw noSuchItem();
        const file = await exportItemAudio(blobs, item, { ...request.query, maxSeconds, soundFont });
        return sendExport(reply, file, exportBaseName(item.title));
      },
    );

    app.post(
      '/export/audio',
      {
        ...queryOnly,
        schema: {
          summary: 'An uploaded score (MusicXML, .mxl or MIDI) as audio',
          description: 'multipart/form-data with one `file`. No sign-in needed.',
          tags: TAGS,
          querystring: AudioExportQuery,
          consumes: ['multipart/form-data'],
          body: ConvertUpload,
          response: {
            200: { description: 'The audio file', content: AUDIO_CONTENT },
            ...errorResponses(400, 413, 415, 422),
          },
        },
      },
      async (request, reply) => {
        const upload = await readSingleUpload(request, maxUploadBytes);
        const score = parseScoreFile(upload.fileName, upload.bytes);
        const file = await exportScoreAudio(score, { ...request.query, maxSeconds, soundFont });
        return sendExport(reply, file, exportBaseName(withoutExtension(upload.fileName)));
      },
    );

    app.get(
      '/export/sheet-music/:id',
      {
        onRequest: requireUser,
        schema: {
          summary: 'A library item as sheet music (PDF, PNG, SVG, MusicXML, .mxl or MIDI)',
          description:
            'PNG and SVG are one page each: pass `page`; without it a one-page score answers that page and ' +
            'a longer one a ZIP of all pages.',
          tags: TAGS,
          security: SIGNED_IN,
          params: ExportItemParams,
          querystring: SheetExportQuery,
          response: {
            200: { description: 'The file', content: SHEET_CONTENT },
            ...errorResponses(400, 401, 404, 415, 422),
          },
        },
      },
      async (request, reply) => {
        const item = await items.get(signedInUser(request).id, request.params.id);
        if (!item) throw noSuchItem();
        const score = await loadItemScore(blobs, item);
        const file = await exportSheetMusic(score, request.query);
        return sendExport(reply, file, exportBaseName(item.title));
      },
    );

    app.post(
      '/export/sheet-music',
      {
        ...queryOnly,
        schema: {
          summary: 'An uploaded score (MusicXML, .mxl or MIDI) as sheet music',
          description: 'multipart/form-data with one `file`. No sign-in needed.',
          tags: TAGS,
          querystring: SheetExportQuery,
          consumes: ['multipart/form-data'],
          body: ConvertUpload,
          response: {
            200: { description: 'The file', content: SHEET_CONTENT },
            ...errorResponses(400, 413, 415, 422),
          },
        },
      },
      async (request, reply) => {
        const upload = await readSingleUpload(request, maxUploadBytes);
        const score = parseScoreFile(upload.fileName, upload.bytes);
        const base = exportBaseName(withoutExtension(upload.fileName));
        const file = await exportSheetMusic(score, request.query);
        return sendExport(reply, file, base);
      },
    );

    await app.register(batchExportRoute({ items, blobs, maxSeconds, soundFont }));
  };
}
