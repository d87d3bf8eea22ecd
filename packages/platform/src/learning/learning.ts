import type {
  AssignmentRequest,
  CurriculumEdit,
  CurriculumResponse,
  ProgressResponse,
  StudentProfileResponse,
} from '@cadenza/contracts';
import type { Teaching } from '../auth/teachers.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { learnEarTrainingAnswer, type EarTrainingAnswerInput } from './learning-ear-training.js';
import { LearningError } from './learning-error.js';
import {
  createLearningPlacement,
  type LearningPlacement,
  type StoreEarTrainingQuestion,
} from './learning-placement.js';
import { createLearningPlans, type LearningPlans } from './learning-plans.js';
import { createLearningProfiles, type LearningDeps, type LearningProfiles } from './learning-service.js';
import { createLearningTheory, type LearningTheory } from './learning-theory.js';
import type { Planner } from './plan-input.js';
import { corePlanner } from './core-planner.js';

/** What the learning paths run on. */
export interface LearningServiceDeps extends LearningDeps {
  /** Teacher links: a teacher reads and changes only students who accepted them. */
  readonly teaching: Pick<Teaching, 'getStudent'>;
  /** Makes the weeks (default: the core's generateCurriculum with the song catalogue). */
  readonly planner?: Planner;
  /** Placement tests: their exercises and records live in the blob store … */
  readonly blobs?: BlobStore;
  /** … and their ear-training questions are kept the way the ear-training routes keep them. */
  readonly storeEarTrainingQuestion?: StoreEarTrainingQuestion;
}

/** A teacher's view of one linked student. */
export interface TeacherLearning {
  studentProfile(teacherId: string, studentId: string): Promise<StudentProfileResponse>;
  studentProgress(teacherId: string, studentId: string): Promise<ProgressResponse>;
  studentCurriculum(teacherId: string, studentId: string): Promise<CurriculumResponse>;
  editCurriculum(teacherId: string, studentId: string, edit: CurriculumEdit): Promise<CurriculumResponse>;
  assign(
    teacherId: string,
    studentId: string,
    request: AssignmentRequest,
  ): Promise<{ item_id: string; date: string; title: string }>;
}

/** The learning paths: the student's own side, and a teacher's side for accepted links only. */
export interface Learning
  extends
    Omit<LearningProfiles, 'store' | 'now'>,
    Omit<LearningPlans, 'editCurriculum' | 'assign'>,
    LearningTheory,
    LearningPlacement,
    TeacherLearning {
  /** Learns from a checked ear-training answer; nothing for a student without a profile. */
  recordEarTrainingAnswer(userId: string, answer: EarTrainingAnswerInput): Promise<void>;
}

/** A student not linked to the teacher (or not accepted yet) reads as one that does not exist. */
const notLinked = () => new LearningError('not_found', 'you have no linked student with this id');

export function createLearning(deps: LearningServiceDeps): Learning {
  const profiles = createLearningProfiles(deps);
  const plans = createLearningPlans(profiles, deps.planner ?? corePlanner);
  const theory = createLearningTheory(profiles);
  const { store, now } = profiles;
  const { blobs, storeEarTrainingQuestion } = deps;
  const placement: LearningPlacement | undefined =
    blobs && storeEarTrainingQuestion
      ? createLearningPlacement(profiles, { blobs, attempts: deps.attempts, storeEarTrainingQuestion })
      : undefined;
  const withPlacement = (): LearningPlacement => {
    if (!placement)
      throw new LearningError('conflict', 'placement tests need the blob store: this service has none');
    return placement;
  };
  const linked = async (teacherId: string, studentId: string): Promise<void> => {
    if (!(await deps.teaching.getStudent(teacherId, studentId))) throw notLinked();
  };
  return {
    getProfile: (userId) => profiles.getProfile(userId),
    putProfile: (userId, update) => profiles.putProfile(userId, update),
    progress: (userId) => profiles.progress(userId),
    recordPracticeAttempt: (userId, attempt) => profiles.recordPracticeAttempt(userId, attempt),
    makeCurriculum: (userId, weeks, options) => plans.makeCurriculum(userId, weeks, options),
    getCurriculum: (userId) => plans.getCurriculum(userId),
    today: (userId, date) => plans.today(userId, date),
    checkOff: (userId, itemId) => plans.checkOff(userId, itemId),
    answerTheory: (userId, answer) => theory.answerTheory(userId, answer),
    createPlacementTest: (userId) => withPlacement().createPlacementTest(userId),
    submitPlacement: (userId, submission) => withPlacement().submitPlacement(userId, submission),
    async recordEarTrainingAnswer(userId, answer) {
      if (!(await store.read(userId))) return;
      await store.update(userId, (doc) => ({
        doc: learnEarTrainingAnswer(doc, answer, now()),
        result: undefined,
      }));
    },
    async studentProfile(teacherId, studentId) {
      await linked(teacherId, studentId);
      return profiles.getProfile(studentId);
    },
    async studentProgress(teacherId, studentId) {
      await linked(teacherId, studentId);
      return profiles.progress(studentId);
    },
    async studentCurriculum(teacherId, studentId) {
      await linked(teacherId, studentId);
      return plans.getCurriculum(studentId);
    },
    async editCurriculum(teacherId, studentId, edit) {
      await linked(teacherId, studentId);
      return plans.editCurriculum(studentId, teacherId, edit);
    },
    async assign(teacherId, studentId, request) {
      await linked(teacherId, studentId);
      return plans.assign(studentId, teacherId, request);
    },
  };
}
