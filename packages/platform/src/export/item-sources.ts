import type { Score } from '@cadenza/core';
import { detectScoreFormat, readScore } from '@cadenza/formats';
import type { BlobStore } from '../blobs/blob-store.js';
import type { Item, ItemFile } from '../db/repositories/items.js';
import { ExportError } from './export-error.js';

/** Score roles in the order an export prefers them: MusicXML keeps spelling and layout, MIDI does not. */
const SCORE_ROLES = ['musicxml', 'mxl', 'midi'] as const;
const SCORE_MEDIA_TYPES = new Set([
  'application/vnd.recordare.musicxml+xml',
  'application/vnd.recordare.musicxml',
  'audio/midi',
  'audio/x-midi',
]);

/** The item's score file (MusicXML first, then .mxl, then MIDI), or undefined when it has none. */
export function itemScoreFile(item: Pick<Item, 'files'>): ItemFile | undefined {
  for (const role of SCORE_ROLES) {
    const file = item.files.find((f) => f.role === role);
    if (file) return file;
  }
  return item.files.find((f) => SCORE_MEDIA_TYPES.has(f.mediaType));
}

/** The item's recording (role `audio`, else any audio/* file that is not MIDI), or undefined. */
export function itemAudioFile(item: Pick<Item, 'files'>): ItemFile | undefined {
  return (
    item.files.find((f) => f.role === 'audio') ??
    item.files.find((f) => f.mediaType.startsWith('audio/') && !SCORE_MEDIA_TYPES.has(f.mediaType))
  );
}

/** Reads a stored file's bytes; a file whose content is gone is an `invalid` ExportError. */
export async function readItemFile(blobs: BlobStore, file: ItemFile): Promise<Uint8Array> {
  const blob = await blobs.get(file.blobId);
  if (!blob) throw new ExportError('invalid', `the content of '${file.fileName}' is missing`);
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The item's score, read from its score file. No score file: `unsupported`; a file that does not parse:
 * `invalid`, naming the file and what is wrong with it.
 */
export async function loadItemScore(blobs: BlobStore, item: Pick<Item, 'files' | 'title'>): Promise<Score> {
  const file = itemScoreFile(item);
  if (!file) {
    throw new ExportError(
      'unsupported',
      `'${item.title}' has no score (MusicXML or MIDI file) to make sheet music or audio from`,
    );
  }
  return parseScoreFile(file.fileName, await readItemFile(blobs, file));
}

/** Parses score bytes of any supported format; a parse failure is an `invalid` ExportError. */
export function parseScoreFile(fileName: string, bytes: Uint8Array): Score {
  try {
    return readScore(bytes, detectScoreFormat(bytes));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExportError('invalid', `'${fileName}' is not a score Cadenza can read: ${reason}`);
  }
}
