import { ProgressResponse, StudentProfileResponse, StudentProfileUpdate } from '@cadenza/contracts';
import type { Learning } from '@cadenza/platform';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser, SIGNED_IN } from '../auth/auth-plugin.js';
import { errorResponses } from '../errors/error-responses.js';
import { learningStudent } from './student-auth.js';

export interface LearningRoutesOptions {
  readonly learning: Learning;
}

const TAGS = ['learning'];

/**
 * A student's learning path (issue 8): the profile (onboarding, preferences), the placement test, the
 * weekly curriculum, today's session with check-offs, progress over time, and theory answers with spaced
 * repetition. Everything is under /students/me: a student only ever reaches their own document.
 */
export function learningRoutes({ learning }: LearningRoutesOptions): FastifyPluginAsyncZod {
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (app) => {
    app.get(
      '/students/me/profile',
      {
        onRequest: requireUser,
        schema: {
          summary: 'Your learning profile',
          description: '404 `no_profile` until onboarding (PUT /students/me/profile).',
          tags: TAGS,
          security: SIGNED_IN,
          response: { 200: StudentProfileResponse, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => learning.getProfile(learningStudent(request).id),
    );

    app.put(
      '/students/me/profile',
      {
        onRequest: requireUser,
        schema: {
          summary: 'Onboarding answers, or changed preferences',
          description:
            'The first PUT creates the profile from the answers (every skill starts at `self_level` until the ' +
            'placement test) and answers 201; later PUTs change the preferences and keep the skills (200).',
          tags: TAGS,
          security: SIGNED_IN,
          body: StudentProfileUpdate,
          response: {
            200: StudentProfileResponse,
            201: StudentProfileResponse,
            ...errorResponses(400, 401, 403, 415),
          },
        },
      },
      async (request, reply) => {
        const student = learningStudent(request);
        const { created, profile } = await learning.putProfile(student.id, request.body);
        return reply.code(created ? 201 : 200).send(profile);
      },
    );

    app.get(
      '/students/me/progress',
      {
        onRequest: requireUser,
        schema: {
          summary: 'Your skills over time, the changes and why, attempts, minutes and streak',
          tags: TAGS,
          security: SIGNED_IN,
          response: { 200: ProgressResponse, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => learning.progress(learningStudent(request).id),
    );
  };
}
