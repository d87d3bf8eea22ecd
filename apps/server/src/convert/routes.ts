import { ConvertQuery, ConvertUpload } from '@cadenza/contracts';
import { MusicError, type Score } from '@cadenza/core';
import { detectScoreFormat, readScore, type ScoreFormat } from '@cadenza/formats';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';
import { withoutExtension } from '../file-names.js';
import { SCORE_CONTENT, sendScore } from '../score-reply.js';
import { readSingleUpload, registerUploads } from '../uploads/uploads.js';

const FORMAT_NAMES: Record<ScoreFormat, string> = {
  midi: 'MIDI',
  musicxml: 'MusicXML',
  mxl: 'compressed MusicXML',
};

/** Reads uploaded score bytes; anything the readers cannot make sense of is a 422 naming the problem. */
function decodeScore(bytes: Uint8Array, log: { warn: (o: object, m: string) => void }): Score {
  if (bytes.length === 0) throw new ApiError(422, 'unreadable_file', 'the uploaded file is empty');
  let format: ScoreFormat;
  try {
    format = detectScoreFormat(bytes);
  } catch (error) {
    if (error instanceof MusicError) throw new ApiError(422, 'unreadable_file', error.message);
    throw error;
  }
  try {
    return readScore(bytes, format);
  } catch (error) {
    if (error instanceof MusicError) {
      throw new ApiError(
        422,
        'unreadable_file',
        `cannot read the ${FORMAT_NAMES[format]} file: ${error.message}`,
      );
    }
    // A reader tripping over damaged bytes is still bad input, not a server failure; keep the detail in the log.
    log.warn({ err: error, format }, 'score reader failed on an upload');
    throw new ApiError(
      422,
      'unreadable_file',
      `cannot read the ${FORMAT_NAMES[format]} file: it is damaged or truncated`,
    );
  }
}

/** POST /convert?to=…: one uploaded score (MIDI, MusicXML, .mxl) converted to another format. */
export function convertRoutes(maxUploadBytes: number): FastifyPluginAsyncZod {
  return async (app) => {
    await registerUploads(app, maxUploadBytes);
    app.post(
      '/convert',
      {
        schema: {
          summary: 'Convert a score between MIDI, MusicXML and compressed MusicXML',
          description:
            'Send multipart/form-data with one file field (the format is detected from its bytes). ' +
            'Answers the converted file as an attachment named after the upload.',
          tags: ['convert'],
          querystring: ConvertQuery,
          consumes: ['multipart/form-data'],
          // Documents the form; the upload itself is read (and limited) as a stream, see below.
          body: ConvertUpload,
          response: {
            200: { description: 'The converted score', content: SCORE_CONTENT },
            ...errorResponses(400, 413, 415, 422),
          },
        },
        // The body is a stream read by readSingleUpload, so only the query goes through zod here.
        validatorCompiler: ({ schema, httpPart }) =>
          httpPart === 'body'
            ? (data: unknown) => ({ value: data })
            : validatorCompiler({ schema, httpPart } as never),
      },
      async (request, reply) => {
        const upload = await readSingleUpload(request, maxUploadBytes);
        const score = decodeScore(upload.bytes, request.log);
        sendScore(reply, score, request.query.to, withoutExtension(upload.fileName));
      },
    );
  };
}
