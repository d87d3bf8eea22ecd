import { BatchExportRequest, BinaryFile } from '@cadenza/contracts';
import {
  batchExportEntries,
  exportItemFile,
  zipStream,
  type BatchItem,
  type BlobStore,
  type Item,
  type ItemsRepository,
} from '@cadenza/platform';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser, SIGNED_IN, signedInUser } from '../auth/auth-plugin.js';
import { ApiError } from '../errors/api-error.js';
import { errorResponses } from '../errors/error-responses.js';
import { sendZipStream } from './export-reply.js';

export interface BatchExportRouteOptions {
  readonly items: ItemsRepository;
  readonly blobs: BlobStore;
  readonly maxSeconds: number;
  readonly soundFont?: string | undefined;
}

type FoundItem = BatchItem & { readonly item?: Item };

/**
 * POST /export/batch: several library items × several formats as one ZIP, written while it is sent
 * (one file in memory at a time). An item that is missing or fails in a format is listed with its
 * error in manifest.json and the rest are still exported; only a batch where no item exists is a 404.
 */
export function batchExportRoute({
  items,
  blobs,
  maxSeconds,
  soundFont,
}: BatchExportRouteOptions): FastifyPluginAsyncZod {
  return (app) => {
    app.post(
      '/export/batch',
      {
        onRequest: requireUser,
        schema: {
          summary: 'Several items in several formats, as one ZIP with a manifest',
          description:
            'The ZIP holds `<title>/<title>.<ext>` for every item × format that could be made and ' +
            '`manifest.json` listing each item × format with its file or the reason it failed.',
          tags: ['export'],
          security: SIGNED_IN,
          body: BatchExportRequest,
          response: {
            200: { description: 'The ZIP', content: { 'application/zip': { schema: BinaryFile } } },
            ...errorResponses(400, 401, 404),
          },
        },
      },
      async (request, reply) => {
        const owner = signedInUser(request).id;
        const { formats, pageSize, reverb } = request.body;
        const ids = [...new Set(request.body.items)];
        const found: FoundItem[] = [];
        for (const id of ids) {
          const item = await items.get(owner, id);
          found.push(
            item ? { id, title: item.title, item } : { id, missing: 'you have no library item with this id' },
          );
        }
        if (found.every((f) => f.missing !== undefined)) {
          throw new ApiError(404, 'not_found', 'none of these library items exist in your library');
        }
        const entries = batchExportEntries({
          items: found,
          formats: formats.map((f) => (typeof f === 'string' ? { format: f } : f)),
          createdAt: new Date().toISOString(),
          render: (entry, format, quality) => {
            if (!entry.item) throw new Error('unreachable: a missing item is never rendered');
            return exportItemFile(blobs, entry.item, {
              format,
              quality,
              pageSize,
              reverb,
              maxSeconds,
              soundFont,
            });
          },
        });
        const stamp = new Date().toISOString().slice(0, 10);
        return sendZipStream(reply, zipStream(entries), `cadenza-export-${stamp}.zip`);
      },
    );
    return Promise.resolve();
  };
}
