import { randomBytes } from 'node:crypto';
import {
  PracticeAttemptNotesBody,
  PracticeAttemptResponse,
  PracticeAttemptUpload,
  PracticeSessionsQuery,
  PracticeSessionsResponse,
  type PracticeSession,
} from '@cadenza/contracts';
import {
  gradeExerciseAttempt,
  type BlobStore,
  type ExerciseAttemptTake,
  type Learning,
  type PracticeAttempt,
  type PracticeAttemptsRepository,
} from '@cadenza/platform';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser, SIGNED_IN, signedInUser } from '../auth/auth-plugin.js';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';
import { recordForLearning } from '../learning/record-for-learning.js';
import { readAttemptUpload, registerAttemptUploads } from './attempt-upload.js';

export interface PracticeRoutesOptions {
  readonly blobs: BlobStore;
  readonly attempts: PracticeAttemptsRepository;
  /** Largest upload in bytes (config.maxUploadBytes). */
  readonly maxUploadBytes: number;
  /** Longest recording graded, in seconds (config.maxAudioSeconds). */
  readonly maxSeconds: number;
  /** Learning paths: a signed-in student's graded attempt adapts their plan. */
  readonly learning?: Learning;
}

const TAGS = ['practice'];

/** Longest recording graded in the request itself (a take is minutes at most; transcription is ~1 s per 10 s). */
export const ATTEMPT_MAX_SECONDS = 180;

const noSuchExercise = (id: string) =>
  new ApiError(
    404,
    'not_found',
    `no exercise has the id '${id}': generate one with POST /exercises/generate`,
  );

/** A session as GET /practice/sessions lists it. */
function sessionOf(attempt: PracticeAttempt): PracticeSession {
  return {
    id: attempt.id,
    exercise_id: attempt.exerciseId,
    skill_type: attempt.skillType as PracticeSession['skill_type'],
    subtype: attempt.subtype,
    difficulty: attempt.difficulty,
    score: attempt.score,
    pitch_accuracy: attempt.pitchAccuracy,
    rhythm_accuracy: attempt.rhythmAccuracy,
    tempo_played: attempt.tempoPlayed ?? null,
    created_at: new Date(attempt.createdAt).toISOString(),
  };
}

/**
 * Grading what a student played: `POST /practice/attempts` takes a take for a generated exercise (notes
 * from a MIDI keyboard as JSON, or a recording or .mid file as multipart), grades it note by note and,
 * signed in, keeps it as a practice session; `GET /practice/sessions` lists your sessions.
 */
export function practiceRoutes(options: PracticeRoutesOptions): FastifyPluginAsyncZod {
  const { blobs, attempts, maxUploadBytes, learning } = options;
  const maxSeconds = Math.min(options.maxSeconds, ATTEMPT_MAX_SECONDS);
  return async (app) => {
    await registerAttemptUploads(app, maxUploadBytes);

    app.post(
      '/practice/attempts',
      {
        schema: {
          summary: 'Grade a played attempt at an exercise',
          description:
            'JSON `{exercise_id, notes: [{midi, start, end, velocity}], source?}` (seconds from the start of ' +
            'the take, e.g. from Web MIDI), or multipart/form-data with the field `exercise_id` and a `file`: a ' +
            `recording (WAV, MP3, FLAC, Ogg, M4A/AAC, WebM; up to ${maxSeconds} s) or a Standard MIDI File. ` +
            "The take is aligned to the exercise's notes whatever its tempo and start, and each expected note " +
            'gets a verdict (correct, wrong_pitch, early, late with the error in ms, missed); notes played ' +
            'that answer nothing are listed as extra. Signed in, the attempt is kept as a practice session ' +
            '(GET /practice/sessions). A silent recording is a 422. ' +
            `Multipart form: ${JSON.stringify(Object.keys(PracticeAttemptUpload.shape))}.`,
          tags: TAGS,
          consumes: ['application/json', 'multipart/form-data'],
          body: PracticeAttemptNotesBody,
          response: { 200: PracticeAttemptResponse, ...errorResponses(400, 404, 413, 415, 422) },
        },
        // JSON is validated by zod here; a multipart body is a stream that readAttemptUpload checks.
        validatorCompiler: ({ schema, httpPart }) =>
          httpPart === 'body'
            ? (data: unknown) =>
                data === undefined || data === null
                  ? { value: data }
                  : validatorCompiler({ schema, httpPart } as never)(data)
            : validatorCompiler({ schema, httpPart } as never),
      },
      async (request) => {
        let exerciseId: string;
        let take: ExerciseAttemptTake;
        let planItemId: string | undefined;
        if (request.isMultipart()) {
          const upload = await readAttemptUpload(request, maxUploadBytes);
          exerciseId = upload.exerciseId;
          planItemId = upload.planItemId;
          take = { kind: 'file', bytes: upload.bytes, fileName: upload.fileName };
        } else {
          if ((request.body as unknown) == null) {
            throw new ApiError(
              400,
              'invalid_request',
              'invalid body: send JSON {exercise_id, notes} or a multipart/form-data upload with exercise_id and file',
            );
          }
          exerciseId = request.body.exercise_id;
          planItemId = request.body.plan_item_id;
          const notes = request.body.notes.map((n) => ({
            midi: n.midi,
            onset: n.start,
            offset: n.end,
            velocity: n.velocity,
          }));
          take = { kind: 'notes', notes, ...(request.body.source === 'file' ? { fromFile: true } : {}) };
        }
        const graded = await gradeExerciseAttempt(blobs, exerciseId, take, { maxSeconds });
        if (!graded) throw noSuchExercise(exerciseId);
        const attemptId = randomBytes(16).toString('base64url');
        const answer: PracticeAttemptResponse = {
          attempt_id: attemptId,
          exercise_id: exerciseId,
          ...graded.report,
          session_id: request.user ? attemptId : null,
        };
        if (request.user) {
          const { report } = graded.record;
          await attempts.record({
            id: attemptId,
            userId: request.user.id,
            exerciseId,
            skillType: report.skill_type,
            subtype: report.subtype,
            difficulty: report.difficulty,
            source: graded.source,
            score: answer.score,
            pitchAccuracy: answer.pitch_accuracy,
            rhythmAccuracy: answer.rhythm_accuracy,
            tempoPlayed: answer.tempo_played ?? undefined,
            tempoExpected: answer.tempo_expected,
            grade: answer,
          });
          if (learning && request.user.role === 'student') {
            const userId = request.user.id;
            await recordForLearning(request, () =>
              learning.recordPracticeAttempt(userId, {
                skillType: report.skill_type,
                difficulty: report.difficulty,
                score: answer.score,
                pitchAccuracy: answer.pitch_accuracy,
                rhythmAccuracy: answer.rhythm_accuracy,
                minutes: Math.max(1, Math.round(graded.record.report.estimated_duration / 60)),
                planItemId,
              }),
            );
          }
        }
        return answer;
      },
    );

    app.get(
      '/practice/sessions',
      {
        onRequest: requireUser,
        schema: {
          summary: 'Your graded practice sessions, newest first',
          tags: TAGS,
          security: SIGNED_IN,
          querystring: PracticeSessionsQuery,
          response: { 200: PracticeSessionsResponse, ...errorResponses(400, 401) },
        },
      },
      async (request) => {
        const user = signedInUser(request);
        const { limit, skill_type: skillType } = request.query;
        const list = await attempts.listByUser(user.id, { limit, ...(skillType ? { skillType } : {}) });
        return { sessions: list.map(sessionOf) };
      },
    );
  };
}
