/** @cadenza/server: the HTTP API (Fastify) and the process that serves it with the web studio. */
export * from './app.js';
export * from './app-deps.js';
export * from './server.js';
export * from './studio-deps.js';
export { requireUser, signedInUser, authPlugin, type AuthPluginOptions } from './auth/auth-plugin.js';
export * from './errors/api-error.js';
export * from './errors/error-responses.js';
export * from './uploads/uploads.js';
export * from './jobs/routes.js';
export * from './jobs/jobs-extension.js';
