import { z } from 'zod';
import { ResourceId } from './common.js';

/** What a user is to Cadenza: a student practises; a teacher also follows linked students. */
export const UserRole = z.enum(['student', 'teacher']);
export type UserRole = z.infer<typeof UserRole>;

/** Shortest password accepted, in characters. */
export const MIN_PASSWORD_LENGTH = 8;
/** Longest password accepted, in characters (scrypt hashes anything, but a megabyte "password" is abuse). */
export const MAX_PASSWORD_LENGTH = 1024;

/** A user as the API shows them (never the password hash). */
export const PublicUser = z
  .object({
    id: z.string().describe('unguessable user id'),
    email: z.string().describe('normalised (lower-case) email address'),
    displayName: z.string(),
    role: UserRole,
    createdAt: z.iso.datetime().describe('ISO 8601, UTC'),
  })
  .describe('User');
export type PublicUser = z.infer<typeof PublicUser>;

/** POST /auth/signup */
export const SignUpRequest = z.object({
  email: z.string().trim().min(3).max(254).describe('compared case-insensitively'),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
  displayName: z.string().trim().min(1).max(100),
  role: UserRole.default('student'),
});
export type SignUpRequest = z.infer<typeof SignUpRequest>;

/** POST /auth/login */
export const LoginRequest = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

/** POST /auth/tokens: a named bearer token for scripts and the CLI. */
export const CreateApiTokenRequest = z.object({
  name: z.string().trim().min(1).max(100).describe('what the token is for, e.g. "laptop CLI"'),
  expiresInDays: z
    .number()
    .int()
    .positive()
    .max(3650)
    .optional()
    .describe('omit for a token that never expires'),
});
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequest>;

/** The bearer secret is shown once, here, and never again (only its SHA-256 is stored). */
export const ApiTokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string().describe('send as "Authorization: Bearer <token>"; shown only once'),
  expiresAt: z.iso.datetime().optional(),
});
export type ApiTokenResponse = z.infer<typeof ApiTokenResponse>;

/** GET /auth/tokens: one API token, without its secret. */
export const ApiTokenInfo = z
  .object({
    id: ResourceId,
    name: z.string(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().optional().describe('absent: never expires'),
    lastUsedAt: z.iso.datetime().optional().describe('absent: never used (updated at most once a minute)'),
  })
  .describe('ApiToken');
export type ApiTokenInfo = z.infer<typeof ApiTokenInfo>;

export const ApiTokenList = z.object({ tokens: z.array(ApiTokenInfo).describe('newest first') });
export type ApiTokenList = z.infer<typeof ApiTokenList>;

/** DELETE /auth/tokens/{id} */
export const TokenIdParams = z.object({ id: ResourceId });
export type TokenIdParams = z.infer<typeof TokenIdParams>;

/** POST /teachers/me/students: a teacher links a student by the email of the student's account. */
export const LinkStudentRequest = z.object({ email: z.string().trim().min(3).max(254) });
export type LinkStudentRequest = z.infer<typeof LinkStudentRequest>;

/** A teacher–student link is an invitation until the student accepts; only an accepted one grants access. */
export const LinkStatus = z.enum(['pending', 'accepted']);
export type LinkStatus = z.infer<typeof LinkStatus>;

/** A student as their teacher sees them, with the state of the link. */
export const LinkedStudent = PublicUser.extend({
  status: LinkStatus.describe('pending: invited, the student has not accepted; nothing is shared yet'),
}).describe('LinkedStudent');
export type LinkedStudent = z.infer<typeof LinkedStudent>;

/** GET /teachers/me/students: the teacher's students, pending and accepted, by display name. */
export const StudentList = z.object({ students: z.array(LinkedStudent) });
export type StudentList = z.infer<typeof StudentList>;

/** A teacher as a student sees them: who they are and when they invited (and were accepted). */
export const LinkedTeacher = z
  .object({
    id: z.string().describe('unguessable user id'),
    email: z.string(),
    displayName: z.string(),
    status: LinkStatus,
    invitedAt: z.iso.datetime().describe('ISO 8601, UTC'),
    acceptedAt: z.iso.datetime().optional().describe('absent while the invitation is pending'),
  })
  .describe('LinkedTeacher');
export type LinkedTeacher = z.infer<typeof LinkedTeacher>;

/** GET /students/me/teachers: the teachers this student accepted and the invitations still pending. */
export const TeacherList = z.object({
  teachers: z.array(LinkedTeacher).describe('accepted: they can read your library; by display name'),
  invitations: z.array(LinkedTeacher).describe('pending: they see nothing until you accept'),
});
export type TeacherList = z.infer<typeof TeacherList>;

/** /students/me/teachers/{teacherId}… */
export const TeacherIdParams = z.object({ teacherId: ResourceId });
export type TeacherIdParams = z.infer<typeof TeacherIdParams>;

/** /teachers/me/students/{studentId}… */
export const StudentIdParams = z.object({ studentId: ResourceId });
export type StudentIdParams = z.infer<typeof StudentIdParams>;
