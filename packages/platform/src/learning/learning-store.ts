import type { StudentProfilesRepository } from '../db/repositories/student-profiles.js';
import { learningDocumentJson, readLearningDocument, type LearningDocument } from './learning-document.js';
import { noProfile } from './learning-error.js';
import { createPerUserQueue } from './per-user-queue.js';

/**
 * Reads and writes students' learning documents. Every change goes through `change`, which runs one at
 * a time per student (a per-user promise chain), so two requests for the same student never lose each
 * other's writes within this process.
 */
export interface LearningStore {
  /** The student's document, or undefined before onboarding. */
  read(userId: string): Promise<LearningDocument | undefined>;
  /** The document, or LearningError('no_profile'). */
  require(userId: string): Promise<LearningDocument>;
  /**
   * Reads the document (undefined before onboarding), lets `apply` decide the new one and a result, and
   * writes it stamped with the time (unless `apply` returns the same document object). Serialised per
   * student. Gives the document as saved and the result.
   */
  change<T>(
    userId: string,
    apply: (
      doc: LearningDocument | undefined,
    ) => Promise<{ doc: LearningDocument; result: T }> | { doc: LearningDocument; result: T },
  ): Promise<{ saved: LearningDocument; result: T }>;
  /** `change` for a student who has a profile; LearningError('no_profile') otherwise. */
  update<T>(
    userId: string,
    apply: (
      doc: LearningDocument,
    ) => Promise<{ doc: LearningDocument; result: T }> | { doc: LearningDocument; result: T },
  ): Promise<{ saved: LearningDocument; result: T }>;
}

export function createLearningStore(profiles: StudentProfilesRepository, now: () => number): LearningStore {
  const queue = createPerUserQueue();
  const read = async (userId: string) => {
    const row = await profiles.get(userId);
    return row ? readLearningDocument(row.profile) : undefined;
  };
  const change: LearningStore['change'] = (userId, apply) =>
    queue.run(userId, async () => {
      const before = await read(userId);
      const { doc, result } = await apply(before);
      if (doc === before) return { saved: doc, result };
      const saved = { ...doc, updatedAt: now() };
      await profiles.put(userId, learningDocumentJson(saved));
      return { saved, result };
    });
  return {
    read,
    async require(userId) {
      const doc = await read(userId);
      if (!doc) throw noProfile();
      return doc;
    },
    change,
    update: (userId, apply) =>
      change(userId, async (doc) => {
        if (!doc) throw noProfile();
        return apply(doc);
      }),
  };
}
