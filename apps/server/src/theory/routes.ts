import {
  AnalyzeQuery,
  AnalyzeRequest,
  ChordQuery,
  ChordReport,
  ProgressionReport,
  ScaleListResponse,
  ScaleQuery,
  ScaleReport,
} from '@cadenza/contracts';
import { SCALE_TYPES } from '@cadenza/core';
import { analyzeProgression, describeChord, describeScale } from '@cadenza/platform';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../errors/error-responses.js';
import { SCORE_CONTENT } from '../score-reply.js';
import { sendTheoryResult, WAV_CONTENT } from './theory-reply.js';

const TAGS = ['theory'];
const asFile =
  'With format=musicxml|mxl|midi the result comes as a downloadable score file instead of JSON; with format=wav as audio.';

/**
 * Theory over HTTP: the same use cases and JSON as `cadenza theory … --json`. No account needed.
 * A symbol, scale or key that is not one answers 422 `invalid_music` with the parser's message.
 * Audio answers play with `soundFont` (config.soundFont; undefined: the bundled one).
 */
export const theoryRoutes =
  (options: { readonly soundFont?: string | undefined } = {}): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await
  async (app) => {
    app.get(
      '/theory/chord',
      {
        schema: {
          summary: 'Spell a chord symbol: notes, intervals and quality',
          description: `Spelled by interval: C7#9 has D#, not Eb. ${asFile}`,
          tags: TAGS,
          querystring: ChordQuery,
          response: {
            200: {
              description: 'The chord',
              content: { 'application/json': { schema: ChordReport }, ...SCORE_CONTENT, ...WAV_CONTENT },
            },
            ...errorResponses(400, 422),
          },
        },
      },
      async (request, reply) => {
        const { symbol, format } = request.query;
        const result = describeChord(symbol);
        if (format !== 'json') {
          return sendTheoryResult(reply, result.score(), format, `chord-${symbol}`, options.soundFont);
        }
        return result.report;
      },
    );

    app.get(
      '/theory/scale',
      {
        schema: {
          summary: 'Spell a scale on a tonic (one of the 32 scales)',
          description: `Names forgive case, dashes and the word "scale"; see GET /theory/scales. ${asFile}`,
          tags: TAGS,
          querystring: ScaleQuery,
          response: {
            200: {
              description: 'The scale',
              content: { 'application/json': { schema: ScaleReport }, ...SCORE_CONTENT, ...WAV_CONTENT },
            },
            ...errorResponses(400, 422),
          },
        },
      },
      async (request, reply) => {
        const { tonic, name, format } = request.query;
        const result = describeScale(tonic, name);
        if (format !== 'json') {
          return sendTheoryResult(
            reply,
            result.score(),
            format,
            `scale-${tonic}-${result.report.scale.id}`,
            options.soundFont,
          );
        }
        return result.report;
      },
    );

    app.get(
      '/theory/scales',
      {
        schema: {
          summary: 'List the 32 scales',
          tags: TAGS,
          response: { 200: ScaleListResponse, ...errorResponses() },
        },
      },
      () => ({
        scales: SCALE_TYPES.map((s) => ({
          id: s.id,
          name: s.name,
          category: s.category,
          description: s.description,
          aliases: [...s.aliases],
          intervals: [...s.intervals],
        })),
      }),
    );

    app.post(
      '/theory/analyze',
      {
        schema: {
          summary: 'Roman-numeral analysis of a chord progression in a key',
          description: `Body: {"key": "Bb", "chords": "Cm7 F7 Bbmaj7 G7/B"}. ${asFile}`,
          tags: TAGS,
          querystring: AnalyzeQuery,
          body: AnalyzeRequest,
          response: {
            200: {
              description: 'The analysis',
              content: {
                'application/json': { schema: ProgressionReport },
                ...SCORE_CONTENT,
                ...WAV_CONTENT,
              },
            },
            ...errorResponses(400, 415, 422),
          },
        },
      },
      async (request, reply) => {
        const { key, chords } = request.body;
        const result = analyzeProgression(key, chords);
        const { format } = request.query;
        if (format !== 'json') {
          return sendTheoryResult(reply, result.score(), format, `progression-${key}`, options.soundFont);
        }
        return result.report;
      },
    );
  };
