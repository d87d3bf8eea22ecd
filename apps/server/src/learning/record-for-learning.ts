import type { FastifyRequest } from 'fastify';

/**
 * Lets the learning paths learn from a graded answer without putting the answer at risk: the grade has
 * been given (and the attempt kept), so a failure here is logged and the student still gets their grade.
 */
export async function recordForLearning(
  request: FastifyRequest,
  record: () => Promise<unknown>,
): Promise<void> {
  try {
    await record();
  } catch (error) {
    request.log.error({ err: error }, 'learning paths: could not learn from this graded answer');
  }
}
