import type { JsonObject } from '../db/json.js';
import type { ItemsRepository } from '../db/repositories/items.js';
import type { BlobStore } from '../blobs/blob-store.js';
import { exportBaseName } from '../export/index.js';
import type { GeneratedArrangement } from './generate-arrangement.js';

export const MIDI_MEDIA_TYPE = 'audio/midi';
export const MUSICXML_MEDIA_TYPE = 'application/vnd.recordare.musicxml+xml';

export interface StoredGeneration {
  /** Blob id of the MIDI: the download id of /{genre}/download/{id}.mid. */
  readonly downloadId: string;
  /** The library item, when saved for a signed-in user. */
  readonly itemId: string | null;
}

/**
 * Stores the MIDI (so the download URL works for anyone who has it) and, for a signed-in user, saves an
 * `arrangement` item with the MIDI and MusicXML and the request that made it (so it can be made again).
 */
export async function storeGeneration(
  deps: { readonly blobs: BlobStore; readonly items: ItemsRepository },
  generated: GeneratedArrangement,
  ownerId: string | undefined,
): Promise<StoredGeneration> {
  const midi = await deps.blobs.put(generated.midi, { mediaType: MIDI_MEDIA_TYPE });
  if (ownerId === undefined) return { downloadId: midi.id, itemId: null };
  const xmlBytes = Buffer.from(generated.musicxml, 'utf8');
  const xml = await deps.blobs.put(xmlBytes, { mediaType: MUSICXML_MEDIA_TYPE });
  const base = exportBaseName(generated.title.replace(/…$/, ''));
  const { metadata } = generated.report;
  const item = await deps.items.create({
    ownerId,
    kind: 'arrangement',
    title: generated.title,
    metadata: {
      genre: generated.genre,
      seed: generated.seed,
      ...(metadata as unknown as JsonObject),
      reading: generated.report.reading as unknown as JsonObject,
    },
    files: [
      {
        blobId: midi.id,
        role: 'midi',
        fileName: `${base}.mid`,
        mediaType: MIDI_MEDIA_TYPE,
        sizeBytes: midi.size,
      },
      {
        blobId: xml.id,
        role: 'musicxml',
        fileName: `${base}.musicxml`,
        mediaType: MUSICXML_MEDIA_TYPE,
        sizeBytes: xml.size,
      },
    ],
  });
  return { downloadId: midi.id, itemId: item.id };
}
