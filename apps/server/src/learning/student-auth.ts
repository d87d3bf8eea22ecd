import type { User } from '@cadenza/platform';
import type { FastifyRequest } from 'fastify';
import { signedInUser } from '../auth/auth-plugin.js';
import { ApiError } from '../errors/api-error.js';

/** 401 anonymous, 403 for a teacher: the learning paths are a student's own. */
export function learningStudent(request: FastifyRequest): User {
  const user = signedInUser(request);
  if (user.role !== 'student') {
    throw new ApiError(
      403,
      'forbidden',
      "learning paths belong to student accounts; a teacher reads a linked student's at /teachers/me/students/{id}/…",
    );
  }
  return user;
}
