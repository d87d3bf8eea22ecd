import type { TranscriptionResponse } from '@cadenza/contracts';
import { writeMidi, writeMusicXml } from '@cadenza/formats';
import type { Score } from '@cadenza/core';
import type { BlobStore } from '../blobs/blob-store.js';
import type { ItemsRepository } from '../db/repositories/items.js';
import { exportBaseName } from '../export/index.js';
import { MIDI_MEDIA_TYPE, MUSICXML_MEDIA_TYPE } from '../generate/store-generation.js';

/** The stored record of one transcription: its report and where its score files are. */
export interface TranscriptionRecord {
  readonly title: string;
  readonly report: Omit<TranscriptionResponse, 'transcription_id' | 'download_urls' | 'item_id'>;
  readonly musicxmlBlob: string;
  readonly midiBlob: string;
  readonly itemId: string | null;
}

export const TRANSCRIPTION_MEDIA_TYPE = 'application/vnd.cadenza.transcription+json';

/**
 * Keeps a transcription so its id can be fetched again (GET /transcriptions/{id}): the MusicXML and MIDI
 * in the blob store and a small JSON record pointing at them (its blob id is the transcription id). When
 * signed in, the score is also saved as a `transcription` library item.
 */
export async function storeTranscription(
  deps: { readonly blobs: BlobStore; readonly items: ItemsRepository },
  transcription: {
    readonly title: string;
    readonly score: Score;
    readonly report: TranscriptionRecord['report'];
  },
  ownerId: string | undefined,
): Promise<{ readonly id: string; readonly record: TranscriptionRecord }> {
  const xml = await deps.blobs.put(Buffer.from(writeMusicXml(transcription.score), 'utf8'), {
    mediaType: MUSICXML_MEDIA_TYPE,
  });
  const midi = await deps.blobs.put(writeMidi(transcription.score), { mediaType: MIDI_MEDIA_TYPE });
  let itemId: string | null = null;
  if (ownerId !== undefined) {
    const base = exportBaseName(transcription.title);
    const item = await deps.items.create({
      ownerId,
      kind: 'transcription',
      title: transcription.title,
      metadata: transcription.report,
      files: [
        {
          blobId: xml.id,
          role: 'musicxml',
          fileName: `${base}.musicxml`,
          mediaType: MUSICXML_MEDIA_TYPE,
          sizeBytes: xml.size,
        },
        {
          blobId: midi.id,
          role: 'midi',
          fileName: `${base}.mid`,
          mediaType: MIDI_MEDIA_TYPE,
          sizeBytes: midi.size,
        },
      ],
    });
    itemId = item.id;
  }
  const record: TranscriptionRecord = {
    title: transcription.title,
    report: transcription.report,
    musicxmlBlob: xml.id,
    midiBlob: midi.id,
    itemId,
  };
  const stored = await deps.blobs.put(Buffer.from(JSON.stringify(record), 'utf8'), {
    mediaType: TRANSCRIPTION_MEDIA_TYPE,
  });
  return { id: stored.id, record };
}

/** The record of a stored transcription, or undefined when the id is not one. */
export async function loadTranscription(
  blobs: BlobStore,
  id: string,
): Promise<TranscriptionRecord | undefined> {
  const blob = await blobs.get(id);
  if (!blob) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(Buffer.from(chunk as Uint8Array));
  if (blob.mediaType !== TRANSCRIPTION_MEDIA_TYPE) return undefined;
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as TranscriptionRecord;
}
