import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './to-error-response.js';

/** Sends any error in the API's error shape, logging bugs with the request id (pino adds `reqId`). */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { statusCode, body, unexpected } = toErrorResponse(error, {
    contentType: request.headers['content-type'],
  });
  if (unexpected) request.log.error({ err: error }, 'unhandled error: answered 500');
  else request.log.info({ statusCode, code: body.error.code }, body.error.message);
  // A plugin (e.g. multipart) may have left a content type for the payload it meant to send.
  return reply.code(statusCode).type('application/json; charset=utf-8').send(body);
}

/** Installs the one error shape for thrown errors and for framework errors (a malformed URL). */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => sendError(error, request, reply));
}
