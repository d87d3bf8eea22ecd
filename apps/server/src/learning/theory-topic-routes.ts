import { randomInt } from 'node:crypto';
import {
  TheoryQuestionList,
  TheoryQuestionsQuery,
  TheoryTopicList,
  TheoryTopicParams,
} from '@cadenza/contracts';
import { THEORY_TOPICS, theoryTopic } from '@cadenza/pedagogy';
import { theoryQuestionViews } from '@cadenza/platform';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';

/**
 * The theory topic graph (prerequisites first) and multiple-choice questions on a topic, reproducible from
 * the seed; answers go to POST /students/me/theory/answers. Open to everyone.
 */
export function theoryTopicRoutes(): FastifyPluginAsyncZod {
  // eslint-disable-next-line @typescript-eslint/require-await
  return async (app) => {
    app.get(
      '/theory/topics',
      {
        schema: {
          summary: 'The theory topics and their prerequisites',
          tags: ['learning'],
          response: { 200: TheoryTopicList },
        },
      },
      () => ({
        topics: THEORY_TOPICS.map((t) => ({
          id: t.id,
          concept: t.concept,
          title: t.title,
          prerequisites: [...t.prerequisites],
          level: t.level,
        })),
      }),
    );

    app.get(
      '/theory/topics/:id/questions',
      {
        schema: {
          summary: 'Questions on a theory topic',
          description: 'The same seed gives the same questions; the answers stay on the server.',
          tags: ['learning'],
          params: TheoryTopicParams,
          querystring: TheoryQuestionsQuery,
          response: { 200: TheoryQuestionList, ...errorResponses(400, 404) },
        },
      },
      (request) => {
        const { id } = request.params;
        if (!theoryTopic(id)) {
          throw new ApiError(404, 'not_found', `no theory topic has the id '${id}': see GET /theory/topics`);
        }
        const seed = request.query.seed ?? randomInt(0, 2 ** 31 - 1);
        return { questions: theoryQuestionViews(id, seed, request.query.count) };
      },
    );
  };
}
