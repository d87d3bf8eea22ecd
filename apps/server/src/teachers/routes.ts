import {
  BinaryFile,
  ItemPage,
  LinkedStudent,
  LinkStudentRequest,
  ListItemsQuery,
  NoContent,
  StudentIdParams,
  StudentItemFileParams,
  StudentList,
} from '@cadenza/contracts';
import type { BlobStore, ItemsRepository, Teaching, TeachingLink, User } from '@cadenza/platform';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { requireUser, SIGNED_IN, signedInUser } from '../auth/auth-plugin.js';
import { toPublicUser } from '../auth/public-user.js';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';
import { toItemPage, type FileUrl } from '../library/item-view.js';
import { sendItemFile } from '../library/send-file.js';

export interface TeacherRoutesOptions {
  readonly teaching: Teaching;
  readonly items: ItemsRepository;
  readonly blobs: BlobStore;
}

const TAGS = ['teachers'];

/** 403 for a student: teacher routes are about the caller's own role, which they know. */
function signedInTeacher(request: FastifyRequest): User {
  const user = signedInUser(request);
  if (user.role !== 'teacher') {
    throw new ApiError(403, 'forbidden', 'only a teacher account has students; this account is a student');
  }
  return user;
}

/** A student not linked to this teacher (or who has not accepted yet) answers like one that does not exist. */
const notLinked = () => new ApiError(404, 'not_found', 'you have no linked student with this id');

const toLinkedStudent = (link: TeachingLink): LinkedStudent => ({
  ...toPublicUser(link.user),
  status: link.status,
});

const studentFileUrl =
  (studentId: string): FileUrl =>
  (item, file) =>
    `/teachers/me/students/${studentId}/items/${item.id}/files/${file.id}`;

/**
 * A teacher's students: invite by email, list (with each link's status), unlink, and read (never change)
 * the library of a student who accepted. A student calling these gets 403; a student who is not linked,
 * or has not accepted yet, is a 404.
 */
export function teacherRoutes({ teaching, items, blobs }: TeacherRoutesOptions): FastifyPluginAsyncZod {
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (app) => {
    app.addHook('onRequest', requireUser);

    app.post(
      '/teachers/me/students',
      {
        schema: {
          summary: 'Invite a student by the email of their account',
          description:
            'The link stays `pending` (you see nothing) until the student accepts at ' +
            '`POST /students/me/teachers/{teacherId}/accept`. Inviting again changes nothing. ' +
            '404 `student_not_found` when no student account has that email.',
          tags: TAGS,
          security: SIGNED_IN,
          body: LinkStudentRequest,
          response: { 201: LinkedStudent, ...errorResponses(400, 401, 403, 404, 415) },
        },
      },
      async (request, reply) => {
        const teacher = signedInTeacher(request);
        const link = await teaching.linkStudent(teacher.id, request.body.email);
        return reply.code(201).send(toLinkedStudent(link));
      },
    );

    app.get(
      '/teachers/me/students',
      {
        schema: {
          summary: 'Your students: invited (pending) and accepted',
          tags: TAGS,
          security: SIGNED_IN,
          response: { 200: StudentList, ...errorResponses(401, 403) },
        },
      },
      async (request) => {
        const links = await teaching.listStudentLinks(signedInTeacher(request).id);
        return { students: links.map(toLinkedStudent) };
      },
    );

    app.delete(
      '/teachers/me/students/:studentId',
      {
        schema: {
          summary: 'Unlink a student or withdraw an invitation',
          tags: TAGS,
          security: SIGNED_IN,
          params: StudentIdParams,
          response: { 204: NoContent.describe('Unlinked'), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const teacher = signedInTeacher(request);
        if (!(await teaching.unlinkStudent(teacher.id, request.params.studentId))) throw notLinked();
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/teachers/me/students/:studentId/items',
      {
        schema: {
          summary: "A linked student's library items, newest first",
          description: 'Read-only. Each file URL downloads through this teacher route.',
          tags: TAGS,
          security: SIGNED_IN,
          params: StudentIdParams,
          querystring: ListItemsQuery,
          response: { 200: ItemPage, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const teacher = signedInTeacher(request);
        const { studentId } = request.params;
        if (!(await teaching.getStudent(teacher.id, studentId))) throw notLinked();
        const { limit, cursor, kind } = request.query;
        const page = await items.listByOwner(studentId, {
          limit,
          ...(cursor === undefined ? {} : { cursor }),
          ...(kind === undefined ? {} : { kind }),
        });
        return toItemPage(page, studentFileUrl(studentId));
      },
    );

    app.get(
      '/teachers/me/students/:studentId/items/:id/files/:fileId',
      {
        schema: {
          summary: "Download a file of a linked student's item",
          tags: TAGS,
          security: SIGNED_IN,
          params: StudentItemFileParams,
          response: {
            200: { description: 'The file', content: { '*/*': { schema: BinaryFile } } },
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const teacher = signedInTeacher(request);
        const { studentId, id, fileId } = request.params;
        if (!(await teaching.getStudent(teacher.id, studentId))) throw notLinked();
        const file = await items.getFile(studentId, id, fileId);
        if (!file) throw new ApiError(404, 'not_found', 'this student has no library item with this file');
        return sendItemFile(reply, blobs, file);
      },
    );
  };
}
