import {
  BinaryFile,
  ExerciseFileParams,
  ExerciseGenerateRequest,
  ExerciseParams,
  ExerciseResponse,
} from '@cadenza/contracts';
import { parseTimeSignature } from '@cadenza/core';
import { readMusicXml } from '@cadenza/formats';
import { practiceAudioScore } from '@cadenza/pedagogy';
import {
  exerciseResponse,
  exportScoreAudio,
  exportSheetPages,
  generatePracticeExercise,
  loadExercise,
  storeExercise,
  type BlobStore,
  type ExerciseRecord,
  type ExportedFile,
} from '@cadenza/platform';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';

export interface ExerciseRoutesOptions {
  readonly blobs: BlobStore;
  /** Longest audio a render may make, in seconds (config.maxAudioSeconds). */
  readonly maxSeconds: number;
  /** SF2/SF3 to play exercises with (config.soundFont; undefined: the bundled one). */
  readonly soundFont?: string | undefined;
}

const noSuchExercise = () =>
  new ApiError(404, 'not_found', 'no exercise has this id: generate one with POST /exercises/generate');

const FILE_CONTENT = {
  'audio/wav': { schema: BinaryFile.describe('16-bit stereo WAV') },
  'audio/mpeg': { schema: BinaryFile.describe('MP3') },
  'application/pdf': { schema: BinaryFile.describe('the engraved score') },
  'audio/midi': { schema: BinaryFile.describe('Standard MIDI File') },
  'application/vnd.recordare.musicxml+xml': { schema: BinaryFile.describe('MusicXML 4.0') },
};

async function blobBytes(blobs: BlobStore, id: string): Promise<Buffer> {
  const blob = await blobs.get(id);
  if (!blob) throw noSuchExercise();
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

function send(reply: FastifyReply, file: ExportedFile, name: string): FastifyReply {
  const inline = file.mediaType.startsWith('audio/') || file.mediaType === 'application/pdf';
  return reply
    .type(file.mediaType)
    .header('content-length', file.bytes.byteLength)
    .header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename="${name}.${file.extension}"`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
}

/** The stored score (from its MusicXML, so a stored exercise sounds the same after the generators change). */
async function storedScore(blobs: BlobStore, record: ExerciseRecord) {
  return readMusicXml(await blobBytes(blobs, record.musicxmlBlob));
}

/**
 * Practice exercises: generate one (kept in the blob store, so its id can be fetched, heard and graded
 * against), read it again, and download it as audio with its count-in and clicks, PDF, MIDI or MusicXML.
 */
export function exerciseRoutes(options: ExerciseRoutesOptions): FastifyPluginAsyncZod {
  const { blobs, maxSeconds, soundFont } = options;
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (app) => {
    app.post(
      '/exercises/generate',
      {
        schema: {
          summary: 'Generate a practice exercise',
          description:
            'Scales, arpeggios, chord progressions, rhythm or sight reading at difficulty 1–10 (see ' +
            'docs/practice-difficulty.md), seeded: the same body with the same seed gives the same exercise. ' +
            'Answers the notes with timing, fingering for scales and arpeggios, practice tips, the estimated ' +
            'duration and where to get the audio and sheet music.',
          tags: ['practice'],
          body: ExerciseGenerateRequest,
          response: { 200: ExerciseResponse, ...errorResponses(400, 415) },
        },
      },
      async (request) => {
        const generated = generatePracticeExercise(request.body);
        const { response } = await storeExercise(blobs, generated);
        return response;
      },
    );

    app.get(
      '/exercises/:id',
      {
        schema: {
          summary: 'Get a generated exercise',
          tags: ['practice'],
          params: ExerciseParams,
          response: { 200: ExerciseResponse, ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        const record = await loadExercise(blobs, request.params.id);
        if (!record) throw noSuchExercise();
        return exerciseResponse(request.params.id, record);
      },
    );

    app.get(
      '/exercises/:id/:file',
      {
        schema: {
          summary: 'Hear or download a generated exercise',
          description:
            'audio.wav or audio.mp3 (with the count-in bar and metronome clicks the request asked for), ' +
            'score.pdf, score.mid or score.musicxml.',
          tags: ['practice'],
          params: ExerciseFileParams,
          response: {
            200: { description: 'The exercise as a file', content: FILE_CONTENT },
            ...errorResponses(400, 404),
          },
        },
      },
      async (request, reply) => {
        const { id, file } = request.params;
        const record = await loadExercise(blobs, id);
        if (!record) throw noSuchExercise();
        if (file === 'score.mid') {
          const bytes = await blobBytes(blobs, record.midiBlob);
          return send(reply, { bytes, mediaType: 'audio/midi', extension: 'mid' }, 'exercise');
        }
        if (file === 'score.musicxml') {
          const bytes = await blobBytes(blobs, record.musicxmlBlob);
          const mediaType = 'application/vnd.recordare.musicxml+xml';
          return send(reply, { bytes, mediaType, extension: 'musicxml' }, 'exercise');
        }
        const score = await storedScore(blobs, record);
        if (file === 'score.pdf') {
          const [pdf] = await exportSheetPages(score, { format: 'pdf' });
          if (!pdf) throw new ApiError(500, 'internal', 'the score could not be engraved');
          return send(reply, pdf, 'exercise');
        }
        const audioScore = practiceAudioScore(
          {
            score,
            timeSignature: parseTimeSignature(record.report.time_signature),
            bars: record.report.bars,
            countInBars: record.report.count_in_bars,
          },
          { metronome: record.request.metronome },
        );
        const format = file === 'audio.mp3' ? 'mp3' : 'wav';
        return send(reply, await exportScoreAudio(audioScore, { format, maxSeconds, soundFont }), 'exercise');
      },
    );
  };
}
