import { NoContent, TeacherIdParams, TeacherList, type LinkedTeacher } from '@cadenza/contracts';
import type { Teaching, TeachingLink, User } from '@cadenza/platform';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { requireUser, SIGNED_IN, signedInUser } from '../auth/auth-plugin.js';
import { isoTime } from '../auth/public-user.js';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';

export interface StudentRoutesOptions {
  readonly teaching: Teaching;
}

const TAGS = ['students'];

/** 403 for a teacher: these routes are about the caller's own role, which they know. */
function signedInStudent(request: FastifyRequest): User {
  const user = signedInUser(request);
  if (user.role !== 'student') {
    throw new ApiError(403, 'forbidden', 'only a student account has teachers; this account is a teacher');
  }
  return user;
}

const toLinkedTeacher = ({ user, status, invitedAt, acceptedAt }: TeachingLink): LinkedTeacher => ({
  id: user.id,
  email: user.email,
  displayName: user.displayName,
  status,
  invitedAt: isoTime(invitedAt),
  ...(acceptedAt === undefined ? {} : { acceptedAt: isoTime(acceptedAt) }),
});

/**
 * A student's side of teacher links: see who invited you and who can read your library, accept an
 * invitation (only then does the teacher see anything), decline one or end an accepted link.
 */
export function studentRoutes({ teaching }: StudentRoutesOptions): FastifyPluginAsyncZod {
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (app) => {
    app.addHook('onRequest', requireUser);

    app.get(
      '/students/me/teachers',
      {
        schema: {
          summary: 'Your teachers and the invitations waiting for your answer',
          tags: TAGS,
          security: SIGNED_IN,
          response: { 200: TeacherList, ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const student = signedInStudent(request);
        const [teachers, invitations] = await Promise.all([
          teaching.listTeachers(student.id),
          teaching.listInvitations(student.id),
        ]);
        return { teachers: teachers.map(toLinkedTeacher), invitations: invitations.map(toLinkedTeacher) };
      },
    );

    app.post(
      '/students/me/teachers/:teacherId/accept',
      {
        schema: {
          summary: "Accept a teacher's invitation: they may then read your library",
          description: 'Accepting again changes nothing. 404 when this teacher has not invited you.',
          tags: TAGS,
          security: SIGNED_IN,
          params: TeacherIdParams,
          response: { 204: NoContent.describe('Accepted'), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const student = signedInStudent(request);
        if (!(await teaching.acceptInvitation(student.id, request.params.teacherId))) {
          throw new ApiError(404, 'not_found', 'you have no invitation from a teacher with this id');
        }
        return reply.code(204).send(null);
      },
    );

    app.delete(
      '/students/me/teachers/:teacherId',
      {
        schema: {
          summary: 'Decline an invitation, or end a link so the teacher no longer sees your library',
          tags: TAGS,
          security: SIGNED_IN,
          params: TeacherIdParams,
          response: { 204: NoContent.describe('Declined or ended'), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const student = signedInStudent(request);
        if (!(await teaching.declineInvitation(student.id, request.params.teacherId))) {
          throw new ApiError(404, 'not_found', 'you have no teacher or invitation with this id');
        }
        return reply.code(204).send(null);
      },
    );
  };
}
