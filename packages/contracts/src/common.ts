import { z } from 'zod';

/**
 * Every id the API hands out (users, items, files, tokens): 128 random bits as 22 base64url characters.
 * Path parameters are checked against this before anything is looked up, so a path-like value
 * (`../../etc/passwd`) is refused as a 400 and never reaches a query or the file system.
 */
export const ResourceId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22}$/, 'not an id: ids are 22 characters of A-Z, a-z, 0-9, _ and -')
  .describe('unguessable id (22 base64url characters)');

/** The response schema of a 204: no body. */
export const NoContent = z.null().describe('No content');
