import type { BlobStore } from '@cadenza/platform';
import type { EarTrainingQuestion } from '@cadenza/pedagogy';

/** What the blob store keeps per question: the whole question, answer key included. */
export interface StoredQuestion {
  readonly version: 1;
  readonly question: EarTrainingQuestion;
  /** The client chose the seed, so it may see it again; a seed the server drew stays secret. */
  readonly seedShown: boolean;
}

export const EAR_TRAINING_QUESTION_MEDIA_TYPE = 'application/vnd.cadenza.ear-training-question+json';

/** Largest stored question we read back, in bytes (a 4-bar dictation is a few kilobytes). */
const MAX_RECORD_BYTES = 1024 * 1024;

/**
 * Where a question's answer lives while the student listens. The question (answer key included) is kept
 * as JSON in the blob store, and its blob id, 128 random bits, is the question id the client gets. We
 * chose this over an HMAC'd or encrypted seed in the id because the generators are open source: anyone
 * with the seed can regenerate the answer, so the seed must stay on the server too; a stored record also
 * survives a deploy that changes the generators (a seed would replay to a different question), works on
 * every node that shares the blob store, and needs no server secret to configure and rotate.
 */
export async function storeQuestion(
  blobs: BlobStore,
  question: EarTrainingQuestion,
  seedShown: boolean,
): Promise<string> {
  const record: StoredQuestion = { version: 1, question, seedShown };
  const stored = await blobs.put(Buffer.from(JSON.stringify(record), 'utf8'), {
    mediaType: EAR_TRAINING_QUESTION_MEDIA_TYPE,
  });
  return stored.id;
}

/** The stored question, or undefined when the id is not an ear-training question. */
export async function loadQuestion(blobs: BlobStore, id: string): Promise<StoredQuestion | undefined> {
  const blob = await blobs.get(id);
  if (!blob) return undefined;
  if (blob.mediaType !== EAR_TRAINING_QUESTION_MEDIA_TYPE || blob.size > MAX_RECORD_BYTES) {
    blob.stream.destroy();
    return undefined;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(Buffer.from(chunk as Uint8Array));
  const record = JSON.parse(Buffer.concat(chunks).toString('utf8')) as StoredQuestion;
  return record.version === 1 ? record : undefined;
}
