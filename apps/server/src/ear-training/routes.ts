import { randomInt } from 'node:crypto';
import {
  BinaryFile,
  EarTrainingAnswerRequest,
  EarTrainingAnswerResponse,
  EarTrainingAudioParams,
  EarTrainingQuestionParams,
  EarTrainingQuestionRequest,
  EarTrainingQuestionResponse,
} from '@cadenza/contracts';
import { checkAnswer, generateEarTrainingQuestion, readStudentAnswer } from '@cadenza/pedagogy';
import { exportScoreAudio, type BlobStore, type ExportedFile, type Learning } from '@cadenza/platform';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';
import { recordForLearning } from '../learning/record-for-learning.js';
import { answerResponse } from './answer-reply.js';
import { questionResponse } from './question-reply.js';
import { loadQuestion, storeQuestion } from './question-store.js';

export interface EarTrainingRoutesOptions {
  readonly blobs: BlobStore;
  /** Longest audio a render may make, in seconds (config.maxAudioSeconds). */
  readonly maxSeconds: number;
  /** SF2/SF3 to play questions with (config.soundFont; undefined: the bundled one). */
  readonly soundFont?: string | undefined;
  /** Learning paths: a signed-in student's answers adapt their plan and schedule reviews. */
  readonly learning?: Learning;
}

const noSuchQuestion = () =>
  new ApiError(404, 'not_found', 'no ear-training question has this id: ask for a new one');

const AUDIO_CONTENT = {
  'audio/wav': { schema: BinaryFile.describe('16-bit stereo WAV') },
  'audio/mpeg': { schema: BinaryFile.describe('MP3') },
};

/** The question's audio, inline so an <audio> element plays it; an id's audio never changes. */
function sendAudio(reply: FastifyReply, audio: ExportedFile): FastifyReply {
  return reply
    .type(audio.mediaType)
    .header('content-length', audio.bytes.byteLength)
    .header('content-disposition', `inline; filename="ear-training.${audio.extension}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=3600')
    .send(Buffer.from(audio.bytes.buffer, audio.bytes.byteOffset, audio.bytes.byteLength));
}

/**
 * Ear-training quizzes: ask a question (kept in the blob store, see question-store.ts, so the answer
 * never reaches the client before it answers), play it as WAV or MP3 with the platform synth, and check
 * an answer with a teacher's explanation. Anyone may use them; nothing is saved to a library.
 */
export function earTrainingRoutes(options: EarTrainingRoutesOptions): FastifyPluginAsyncZod {
  const { blobs, maxSeconds, soundFont, learning } = options;
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (app) => {
    app.post(
      '/ear-training/questions',
      {
        schema: {
          summary: 'Ask an ear-training question',
          description:
            'Interval recognition, chord quality, melodic or rhythm dictation at difficulty 1–10. The answer ' +
            'stays on the server; send it to POST /ear-training/answers with the question_id. With a seed the ' +
            'same question comes back every time.',
          tags: ['ear-training'],
          body: EarTrainingQuestionRequest,
          response: { 200: EarTrainingQuestionResponse, ...errorResponses(400, 415) },
        },
      },
      async (request) => {
        const { type, difficulty } = request.body;
        const seedShown = request.body.seed !== undefined;
        const seed = request.body.seed ?? randomInt(0, 0x1_0000_0000);
        const question = generateEarTrainingQuestion({ type, difficulty, seed });
        const id = await storeQuestion(blobs, question, seedShown);
        return questionResponse(id, { version: 1, question, seedShown });
      },
    );

    app.get(
      '/ear-training/questions/:id',
      {
        schema: {
          summary: 'An ear-training question asked earlier',
          description: 'The same answer as when it was asked (the answer key stays on the server).',
          tags: ['ear-training'],
          params: EarTrainingQuestionParams,
          response: { 200: EarTrainingQuestionResponse, ...errorResponses(400, 404) },
        },
      },
      async (request) => {
        const stored = await loadQuestion(blobs, request.params.id);
        if (!stored) throw noSuchQuestion();
        return questionResponse(request.params.id, stored);
      },
    );

    app.get(
      '/ear-training/questions/:id/:file',
      {
        schema: {
          summary: 'Hear an ear-training question',
          description:
            'The question played on the piano with the configured SoundFont: audio.wav or audio.mp3.',
          tags: ['ear-training'],
          params: EarTrainingAudioParams,
          response: {
            200: { description: 'The question as audio', content: AUDIO_CONTENT },
            ...errorResponses(400, 404),
          },
        },
      },
      async (request, reply) => {
        const stored = await loadQuestion(blobs, request.params.id);
        if (!stored) throw noSuchQuestion();
        const format = request.params.file === 'audio.mp3' ? 'mp3' : 'wav';
        const audio = await exportScoreAudio(stored.question.score, { format, maxSeconds, soundFont });
        return sendAudio(reply, audio);
      },
    );

    app.post(
      '/ear-training/answers',
      {
        schema: {
          summary: 'Check an answer to an ear-training question',
          description:
            'A choice id for interval and chord questions; for dictation the notes written down, each ' +
            '{ pitch, duration } (melodic) or { duration, rest } (rhythm), durations in quarter notes. ' +
            'Answers come back right or wrong with the right answer, an explanation and, for dictation, ' +
            'a note-by-note grading.',
          tags: ['ear-training'],
          body: EarTrainingAnswerRequest,
          response: { 200: EarTrainingAnswerResponse, ...errorResponses(400, 404, 415) },
        },
      },
      async (request) => {
        const { question_id: id, answer } = request.body;
        const stored = await loadQuestion(blobs, id);
        if (!stored) throw noSuchQuestion();
        const { question } = stored;
        const check = checkAnswer(question, readStudentAnswer(question.type, answer));
        if (learning && request.user?.role === 'student') {
          const notes = check.grading?.notes ?? [];
          const userId = request.user.id;
          await recordForLearning(request, () =>
            learning.recordEarTrainingAnswer(userId, {
              type: question.type,
              answerKey: check.correctChoice ?? 'dictation',
              title: `${question.type.replace(/_/g, ' ')}: ${check.correctChoice ? check.correctAnswer : 'dictation'}`,
              correct: check.correct,
              accuracy:
                notes.length > 0
                  ? notes.filter((n) => n.correct).length / notes.length
                  : check.correct
                    ? 1
                    : 0,
              difficulty: question.difficulty,
            }),
          );
        }
        return answerResponse(id, question, check);
      },
    );
  };
}
