import {
  BinaryFile,
  CreateItemRequest,
  CreateItemUpload,
  ItemFileParams,
  ItemIdParams,
  ItemPage,
  LibraryItem,
  ListItemsQuery,
  NoContent,
  UpdateItemRequest,
} from '@cadenza/contracts';
import {
  deleteItemWithBlobs,
  type BlobStore,
  type ItemsRepository,
  type JsonObject,
} from '@cadenza/platform';
import { validatorCompiler, type FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser, SIGNED_IN, signedInUser } from '../auth/auth-plugin.js';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';
import { ownFileUrl, toItemPage, toLibraryItem } from './item-view.js';
import { discardBlobs, readItemUpload, registerItemUploads } from './item-upload.js';
import { sendItemFile } from './send-file.js';

export interface LibraryRoutesOptions {
  readonly items: ItemsRepository;
  readonly blobs: BlobStore;
  /** Largest upload, all files of one item together, in bytes (config.maxUploadBytes). */
  readonly maxUploadBytes: number;
}

const TAGS = ['library'];
/** Another user's item and a missing one answer the same, so ids reveal nothing. */
const noSuchItem = () => new ApiError(404, 'not_found', 'you have no library item with this id');

/**
 * The signed-in user's library: saved arrangements, transcriptions, exercises, compositions and
 * exports with their files. Every query filters on the owner, so another user's item is a 404.
 */
export function libraryRoutes({ items, blobs, maxUploadBytes }: LibraryRoutesOptions): FastifyPluginAsyncZod {
  return async (app) => {
    await registerItemUploads(app, maxUploadBytes);
    app.addHook('onRequest', requireUser);

    app.get(
      '/library/items',
      {
        schema: {
          summary: 'List your library items, newest first',
          description: 'Pass `nextCursor` from one page as `cursor` to get the next.',
          tags: TAGS,
          security: SIGNED_IN,
          querystring: ListItemsQuery,
          response: { 200: ItemPage, ...errorResponses(400, 401) },
        },
      },
      async (request) => {
        const { limit, cursor, kind } = request.query;
        const page = await items.listByOwner(signedInUser(request).id, {
          limit,
          ...(cursor === undefined ? {} : { cursor }),
          ...(kind === undefined ? {} : { kind }),
        });
        return toItemPage(page, ownFileUrl);
      },
    );

    app.post(
      '/library/items',
      {
        schema: {
          summary: 'Save an item (with files: multipart; without: JSON)',
          description:
            'JSON `{kind, title, metadata?}` saves an item without files. multipart/form-data with the ' +
            'fields `kind`, `title`, optional `metadata` (JSON text) and one or more file parts saves ' +
            "the files too; a file part's field name is its role (`musicxml`, `midi`, `audio`, …) or " +
            '`file` to infer it from the extension. All files together may have CADENZA_MAX_UPLOAD_MB ' +
            `(413 beyond). Multipart form: ${JSON.stringify(Object.keys(CreateItemUpload.shape))}.`,
          tags: TAGS,
          security: SIGNED_IN,
          consumes: ['application/json', 'multipart/form-data'],
          body: CreateItemRequest,
          response: { 201: LibraryItem, ...errorResponses(400, 401, 413, 415) },
        },
        // JSON is validated by zod here; a multipart body is a stream that readItemUpload checks.
        validatorCompiler: ({ schema, httpPart }) =>
          httpPart === 'body'
            ? (data: unknown) =>
                data === undefined || data === null
                  ? { value: data }
                  : validatorCompiler({ schema, httpPart } as never)(data)
            : validatorCompiler({ schema, httpPart } as never),
      },
      async (request, reply) => {
        const owner = signedInUser(request);
        if (!request.isMultipart()) {
          // Only a bodiless (or `null`) request gets here without a validated body (validatorCompiler above).
          if ((request.body as unknown) == null) {
            throw new ApiError(
              400,
              'invalid_request',
              'invalid body: send JSON {kind, title, metadata?} or a multipart/form-data upload',
            );
          }
          const { kind, title, metadata } = request.body;
          const item = await items.create({
            ownerId: owner.id,
            kind,
            title,
            metadata: metadata as JsonObject,
          });
          return reply.code(201).send(toLibraryItem(item, ownFileUrl));
        }
        const { fields, files } = await readItemUpload(request, blobs, maxUploadBytes);
        try {
          const item = await items.create({
            ownerId: owner.id,
            kind: fields.kind,
            title: fields.title,
            metadata: fields.metadata as JsonObject,
            files,
          });
          return await reply.code(201).send(toLibraryItem(item, ownFileUrl));
        } catch (error) {
          await discardBlobs(
            blobs,
            files.map((f) => ({ id: f.blobId })),
            request,
          );
          throw error;
        }
      },
    );

    app.get(
      '/library/items/:id',
      {
        schema: {
          summary: 'One of your library items with its files',
          tags: TAGS,
          security: SIGNED_IN,
          params: ItemIdParams,
          response: { 200: LibraryItem, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const item = await items.get(signedInUser(request).id, request.params.id);
        if (!item) throw noSuchItem();
        return toLibraryItem(item, ownFileUrl);
      },
    );

    app.patch(
      '/library/items/:id',
      {
        schema: {
          summary: 'Rename an item or replace its metadata',
          tags: TAGS,
          security: SIGNED_IN,
          params: ItemIdParams,
          body: UpdateItemRequest,
          response: { 200: LibraryItem, ...errorResponses(400, 401, 404, 415) },
        },
      },
      async (request) => {
        const { title, metadata } = request.body;
        const item = await items.update(signedInUser(request).id, request.params.id, {
          ...(title === undefined ? {} : { title }),
          ...(metadata === undefined ? {} : { metadata: metadata as JsonObject }),
        });
        if (!item) throw noSuchItem();
        return toLibraryItem(item, ownFileUrl);
      },
    );

    app.delete(
      '/library/items/:id',
      {
        schema: {
          summary: 'Delete an item and the files only it used',
          tags: TAGS,
          security: SIGNED_IN,
          params: ItemIdParams,
          response: { 204: NoContent.describe('Deleted'), ...errorResponses(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const deleted = await deleteItemWithBlobs(
          { items, blobs },
          signedInUser(request).id,
          request.params.id,
        );
        if (!deleted) throw noSuchItem();
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/library/items/:id/files/:fileId',
      {
        schema: {
          summary: 'Download a file of one of your items',
          description: 'Answers the bytes with the stored media type, as an attachment with the file name.',
          tags: TAGS,
          security: SIGNED_IN,
          params: ItemFileParams,
          response: {
            200: { description: 'The file', content: { '*/*': { schema: BinaryFile } } },
            ...errorResponses(400, 401, 404),
          },
        },
      },
      async (request, reply) => {
        const { id, fileId } = request.params;
        const file = await items.getFile(signedInUser(request).id, id, fileId);
        if (!file) throw new ApiError(404, 'not_found', 'you have no library item with this file');
        return sendItemFile(reply, blobs, file);
      },
    );
  };
}
