import {
  CheckOffResponse,
  CurriculumQuery,
  PlanItemParams,
  CurriculumResponse,
  PlacementResponse,
  PlacementSubmission,
  PlacementTestResponse,
  ProgressResponse,
  StudentProfileResponse,
  StudentProfileUpdate,
  TheoryAnswerRequest,
  TheoryAnswerResponse,
  TodayQuery,
  TodayResponse,
} from '@cadenza/contracts';
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

    app.post(
      '/students/me/placement/test',
      {
        onRequest: requireUser,
        schema: {
          summary: 'A short placement test around your level',
          description:
            'Six to eight items covering the six skills: short exercises to play (GET /exercises/{id}; send ' +
            'the notes, or grade them at POST /practice/attempts and send the attempt_id), an ear-training ' +
            'question to hear, a theory question. Answer them all at once at POST /students/me/placement.',
          tags: TAGS,
          security: SIGNED_IN,
          response: { 200: PlacementTestResponse, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => learning.createPlacementTest(learningStudent(request).id),
    );

    app.post(
      '/students/me/placement',
      {
        onRequest: requireUser,
        schema: {
          summary: 'Answer the placement test: it sets your skills',
          description:
            'Choices are checked against the keys kept on the server, played notes graded against the ' +
            'exercise. Each skill is placed from its items (passing the harder item places higher, failing ' +
            'the easier one lower); an item left out keeps your own estimate.',
          tags: TAGS,
          security: SIGNED_IN,
          body: PlacementSubmission,
          response: { 200: PlacementResponse, ...errorResponses(400, 401, 403, 404, 415) },
        },
      },
      async (request) => learning.submitPlacement(learningStudent(request).id, request.body),
    );

    app.post(
      '/students/me/curriculum',
      {
        onRequest: requireUser,
        schema: {
          summary: 'Plan the next weeks',
          description:
            'Weekly plans from today: focus areas (weakest skills first, goals respected), sessions that fill ' +
            'your minutes, exercises the generator makes as they are, a milestone song, theory topics, reasons. ' +
            'Replaces the plan you had (and its check-offs; assignments stay).',
          tags: TAGS,
          security: SIGNED_IN,
          querystring: CurriculumQuery,
          response: { 200: CurriculumResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => learning.makeCurriculum(learningStudent(request).id, request.query.weeks),
    );

    app.get(
      '/students/me/curriculum',
      {
        onRequest: requireUser,
        schema: {
          summary: 'Your plan, week by week, with what is done',
          tags: TAGS,
          security: SIGNED_IN,
          response: { 200: CurriculumResponse, ...errorResponses(401, 403, 404) },
        },
      },
      async (request) => learning.getCurriculum(learningStudent(request).id),
    );

    app.get(
      '/students/me/today',
      {
        onRequest: requireUser,
        schema: {
          summary: "Today's session, due reviews, the week ahead, streak and why",
          description:
            'When a new week of the plan has begun, it is re-planned from your results first (the reasons say ' +
            'what changed). A rest day has `session: null`.',
          tags: TAGS,
          security: SIGNED_IN,
          querystring: TodayQuery,
          response: { 200: TodayResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request) => learning.today(learningStudent(request).id, request.query.date),
    );

    // The same check-off under two names: /today/items (the API's) and /plan/items (the web's first draft).
    for (const url of ['/students/me/today/items/:itemId/done', '/students/me/plan/items/:itemId/done']) {
      app.post(
        url,
        {
          onRequest: requireUser,
          schema: {
            summary: 'Check off an item of your plan or an assignment',
            description: 'Idempotent; its minutes count toward today (streaks).',
            tags: TAGS,
            security: SIGNED_IN,
            params: PlanItemParams,
            response: { 200: CheckOffResponse, ...errorResponses(400, 401, 403, 404) },
          },
        },
        async (request) => learning.checkOff(learningStudent(request).id, request.params.itemId),
      );
    }

    app.post(
      '/students/me/theory/answers',
      {
        onRequest: requireUser,
        schema: {
          summary: 'Answer a theory question',
          description:
            'Right or wrong with the explanation. With a profile the answer counts: music theory adapts, ' +
            'the topic comes back for review (FSRS; `next_review`), and three right in a row mark the topic ' +
            'learned.',
          tags: TAGS,
          security: SIGNED_IN,
          body: TheoryAnswerRequest,
          response: { 200: TheoryAnswerResponse, ...errorResponses(400, 401, 403, 415) },
        },
      },
      async (request) =>
        learning.answerTheory(learningStudent(request).id, {
          questionRef: request.body.question_ref,
          choice: request.body.choice,
          planItemId: request.body.plan_item_id,
        }),
    );
  };
}
