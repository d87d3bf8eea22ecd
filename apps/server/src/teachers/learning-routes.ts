import {
  AssignmentRequest,
  AssignmentResponse,
  CurriculumEdit,
  CurriculumResponse,
  ProgressResponse,
  StudentIdParams,
  StudentProfileResponse,
} from '@cadenza/contracts';
import type { Learning, User } from '@cadenza/platform';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser, SIGNED_IN, signedInUser } from '../auth/auth-plugin.js';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';

export interface TeacherLearningRoutesOptions {
  readonly learning: Learning;
}

const TAGS = ['teachers'];

/** 403 for a student: a teacher's view of students is about the caller's own role. */
function signedInTeacher(request: FastifyRequest): User {
  const user = signedInUser(request);
  if (user.role !== 'teacher') {
    throw new ApiError(403, 'forbidden', 'only a teacher account has students; this account is a student');
  }
  return user;
}

/**
 * A teacher's side of the learning paths: a linked student's profile, progress and plan, the plan edited,
 * and exercises or songs assigned on a date. Only a student who accepted this teacher is reachable; any
 * other id (never invited, only invited, someone else's student) is a 404 like a student who does not exist.
 */
export function teacherLearningRoutes({ learning }: TeacherLearningRoutesOptions): FastifyPluginAsyncZod {
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (app) => {
    const read = {
      onRequest: requireUser,
      schema: { tags: TAGS, security: SIGNED_IN, params: StudentIdParams },
    } as const;

    app.get(
      '/teachers/me/students/:studentId/profile',
      {
        ...read,
        schema: {
          ...read.schema,
          summary: "A linked student's learning profile",
          response: { 200: StudentProfileResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => learning.studentProfile(signedInTeacher(request).id, request.params.studentId),
    );

    app.get(
      '/teachers/me/students/:studentId/progress',
      {
        ...read,
        schema: {
          ...read.schema,
          summary: "A linked student's progress",
          response: { 200: ProgressResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => learning.studentProgress(signedInTeacher(request).id, request.params.studentId),
    );

    app.get(
      '/teachers/me/students/:studentId/curriculum',
      {
        ...read,
        schema: {
          ...read.schema,
          summary: "A linked student's plan",
          response: { 200: CurriculumResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => learning.studentCurriculum(signedInTeacher(request).id, request.params.studentId),
    );

    app.put(
      '/teachers/me/students/:studentId/curriculum',
      {
        ...read,
        schema: {
          ...read.schema,
          summary: "Edit a linked student's plan",
          description:
            'The weeks as GET gave them, with items moved, removed or added. Each item must carry what its ' +
            'kind needs (an exercise request, an ear-training set, a theory topic, a song, a review); minutes ' +
            'are whole, 1–180. Check-offs are kept by item id; the plan is no longer re-planned automatically.',
          body: CurriculumEdit,
          response: { 200: CurriculumResponse, ...errorResponses(400, 401, 403, 404, 415) },
        },
      },
      async (request) =>
        learning.editCurriculum(signedInTeacher(request).id, request.params.studentId, request.body),
    );

    app.post(
      '/teachers/me/students/:studentId/assignments',
      {
        ...read,
        schema: {
          ...read.schema,
          summary: 'Assign an exercise or a song to a linked student',
          description:
            "It appears in the student's plan on `date` (default: their next session) marked as yours.",
          body: AssignmentRequest,
          response: { 201: AssignmentResponse, ...errorResponses(400, 401, 403, 404, 415) },
        },
      },
      async (request, reply) => {
        const teacher = signedInTeacher(request);
        const made = await learning.assign(teacher.id, request.params.studentId, request.body);
        return reply.code(201).send(made);
      },
    );
  };
}
