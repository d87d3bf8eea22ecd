import { randomInt } from 'node:crypto';
import {
  ExerciseGenerateRequest,
  type PlacementResponse,
  type PlacementSubmission,
  type PlacementTestResponse,
} from '@cadenza/contracts';
import {
  checkAnswer,
  createPlacementTest,
  generateEarTrainingQuestion,
  placeStudent,
  RequestFieldError,
  type EarTrainingQuestion,
  type PlacementResult,
  type PlacementTest,
} from '@cadenza/pedagogy';
import type { BlobStore } from '../blobs/blob-store.js';
import type { PracticeAttemptsRepository } from '../db/repositories/practice-attempts.js';
import { generatePracticeExercise, storeExercise } from '../practice/generate-exercise.js';
import { gradeExerciseAttempt } from '../practice/grade-exercise-attempt.js';
import { keepLast, LEARNING_CAPS } from './learning-document.js';
import { LearningError } from './learning-error.js';
import type { LearningProfiles } from './learning-service.js';
import { questionRef } from './learning-theory.js';
import { changeView, profileView } from './learning-views.js';

/** Keeps an ear-training question (answer key included) the way the ear-training routes do; gives its id. */
export type StoreEarTrainingQuestion = (question: EarTrainingQuestion) => Promise<string>;

export const PLACEMENT_TEST_MEDIA_TYPE = 'application/vnd.cadenza.placement-test+json';

/** Largest stored placement test read back, bytes (a test is a few kilobytes). */
const MAX_RECORD_BYTES = 256 * 1024;

/** Where each item's answer is checked: its stored exercise, or the right choice. */
interface PlacementKey {
  readonly exerciseId?: string;
  readonly questionId?: string;
  readonly answer?: string;
}

/** The stored test: whose it is, the core's test and the answer keys (never sent to the client). */
interface PlacementRecord {
  readonly version: 1;
  readonly userId: string;
  readonly test: PlacementTest;
  readonly keys: { readonly [itemId: string]: PlacementKey };
  readonly createdAt: number;
}

export interface LearningPlacement {
  /** A placement test around the student's level: exercises stored to play, questions stored to hear. */
  createPlacementTest(userId: string): Promise<PlacementTestResponse>;
  /** Grades the answers and sets the skills (placeStudent); an item left out keeps the estimate. */
  submitPlacement(userId: string, submission: PlacementSubmission): Promise<PlacementResponse>;
}

export interface PlacementDeps {
  readonly blobs: BlobStore;
  readonly attempts: PracticeAttemptsRepository;
  readonly storeEarTrainingQuestion: StoreEarTrainingQuestion;
}

const noTest = () =>
  new LearningError(
    'not_found',
    'no placement test has this id: ask for one with POST /students/me/placement/test',
  );

async function loadRecord(blobs: BlobStore, id: string): Promise<PlacementRecord | undefined> {
  const blob = await blobs.get(id);
  if (!blob) return undefined;
  if (blob.mediaType !== PLACEMENT_TEST_MEDIA_TYPE || blob.size > MAX_RECORD_BYTES) {
    blob.stream.destroy();
    return undefined;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(Buffer.from(chunk as Uint8Array));
  const record = JSON.parse(Buffer.concat(chunks).toString('utf8')) as PlacementRecord;
  return record.version === 1 ? record : undefined;
}

/** The right choice of a recognition question (its answer key). */
function rightChoice(question: EarTrainingQuestion): string {
  const probe = question.choices[0]?.id ?? '';
  return checkAnswer(question, { kind: 'choice', choice: probe }).correctChoice ?? probe;
}

export function createLearningPlacement(profiles: LearningProfiles, deps: PlacementDeps): LearningPlacement {
  const { store, now } = profiles;
  const { blobs } = deps;
  return {
    async createPlacementTest(userId) {
      const doc = await store.require(userId);
      const test = createPlacementTest(doc.profile.level, randomInt(0, 2 ** 31 - 1));
      const keys: Record<string, PlacementKey> = {};
      const items: PlacementTestResponse['items'] = [];
      for (const item of test.items) {
        const base = {
          item_id: item.id,
          skill: item.skill,
          kind: item.kind,
          title: item.title,
          difficulty: item.difficulty,
        };
        if (item.exercise) {
          // The core draws 32-bit item seeds; the exercise API takes seeds below 2^31.
          const request = ExerciseGenerateRequest.parse({
            ...item.exercise,
            seed: item.exercise.seed % 2 ** 31,
          });
          const generated = generatePracticeExercise(request);
          const { id } = await storeExercise(blobs, generated);
          keys[item.id] = { exerciseId: id };
          items.push({ ...base, exercise_id: id });
        } else if (item.earTraining) {
          const question = generateEarTrainingQuestion(item.earTraining);
          const id = await deps.storeEarTrainingQuestion(question);
          keys[item.id] = { questionId: id, answer: rightChoice(question) };
          items.push({
            ...base,
            question_id: id,
            ear_training: {
              type: question.type,
              prompt: question.prompt,
              choices: question.choices.map((c) => ({ id: c.id, label: c.label })),
              audio_url: `/ear-training/questions/${id}/audio.wav`,
            },
          });
        } else if (item.theoryQuestion) {
          const q = item.theoryQuestion;
          keys[item.id] = { answer: q.answer };
          const index = Number(q.id.split('-').pop() ?? 0);
          const seed = Number(q.id.split('-').at(-2) ?? 0);
          items.push({
            ...base,
            theory_question: {
              question_ref: questionRef(q.topicId, seed, index),
              topic_id: q.topicId,
              prompt: q.prompt,
              choices: q.choices.map((c) => ({ id: c.id, label: c.label })),
            },
          });
        }
      }
      const record: PlacementRecord = { version: 1, userId, test, keys, createdAt: now() };
      const stored = await blobs.put(Buffer.from(JSON.stringify(record), 'utf8'), {
        mediaType: PLACEMENT_TEST_MEDIA_TYPE,
      });
      return { test_id: stored.id, items };
    },

    async submitPlacement(userId, submission) {
      const record = await loadRecord(blobs, submission.test_id);
      // Another student's test reads as one that does not exist.
      if (!record || record.userId !== userId) throw noTest();
      const results: PlacementResult[] = [];
      const shown: PlacementResponse['results'] = [];
      const answered = new Map<string, PlacementResult>();
      for (const [i, answer] of submission.answers.entries()) {
        const field = `answers[${i}]`;
        const item = record.test.items.find((it) => it.id === answer.item_id);
        const key = record.keys[answer.item_id];
        if (!item || !key)
          throw new RequestFieldError(`${field}.item_id`, `'${answer.item_id}' is not an item of this test`);
        if (answered.has(item.id))
          throw new RequestFieldError(`${field}.item_id`, `'${item.id}' is answered twice`);
        let result: PlacementResult;
        if (item.kind === 'exercise') {
          const exerciseId = key.exerciseId ?? '';
          if (answer.attempt_id !== undefined) {
            const attempt = await deps.attempts.get(userId, answer.attempt_id);
            if (!attempt || attempt.exerciseId !== exerciseId) {
              throw new RequestFieldError(
                `${field}.attempt_id`,
                "is not one of your attempts at this item's exercise",
              );
            }
            result = {
              itemId: item.id,
              accuracy: attempt.score / 100,
              pitchAccuracy: attempt.pitchAccuracy,
              rhythmAccuracy: attempt.rhythmAccuracy,
            };
          } else if (answer.notes !== undefined) {
            const graded = await gradeExerciseAttempt(blobs, exerciseId, {
              kind: 'notes',
              notes: answer.notes.map((n) => ({
                midi: n.midi,
                onset: n.start,
                offset: n.start + n.duration,
                velocity: n.velocity ?? 80,
              })),
            });
            if (!graded) throw noTest();
            result = {
              itemId: item.id,
              accuracy: graded.report.score / 100,
              pitchAccuracy: graded.report.pitch_accuracy,
              rhythmAccuracy: graded.report.rhythm_accuracy,
            };
          } else {
            throw new RequestFieldError(
              `${field}.notes`,
              'an exercise item is answered with notes or an attempt_id',
            );
          }
        } else {
          if (answer.choice === undefined) {
            throw new RequestFieldError(
              `${field}.choice`,
              `a ${item.kind.replace('_', '-')} item is answered with a choice`,
            );
          }
          result = { itemId: item.id, accuracy: answer.choice === key.answer ? 1 : 0 };
        }
        answered.set(item.id, result);
        results.push(result);
      }
      for (const item of record.test.items) {
        const key = record.keys[item.id];
        shown.push({
          item_id: item.id,
          skill: item.skill,
          accuracy: answered.get(item.id)?.accuracy ?? null,
          ...(item.kind !== 'exercise' && key?.answer !== undefined ? { correct_choice: key.answer } : {}),
        });
      }
      const at = now();
      const { saved, result: changes } = await store.update(userId, (doc) => {
        const placed = placeStudent(doc.profile, results, record.test, at);
        const stamped = placed.changes.map((c) => ({ ...c, trend: c.trend ?? null, at }));
        const profile = placed.profile;
        return {
          doc: {
            ...doc,
            profile,
            changes: keepLast([...doc.changes, ...stamped], LEARNING_CAPS.changes),
            history: keepLast(
              [...doc.history, { at, skills: profile.skills, skillLevels: profile.skillLevels }],
              LEARNING_CAPS.history,
            ),
          },
          result: stamped,
        };
      });
      return { profile: profileView(userId, saved), results: shown, changes: changes.map(changeView) };
    },
  };
}
