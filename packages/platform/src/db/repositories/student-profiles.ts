import { fromJsonText, toJsonText, type JsonObject } from '../json.js';
import type { EpochMs } from '../schema.js';
import type { RepositoryContext } from './context.js';

/** A learner's profile document (skills, spaced-repetition state, goals): owned by the learning-path issue. */
export interface StudentProfile {
  readonly userId: string;
  readonly profile: JsonObject;
  readonly updatedAt: EpochMs;
}

export interface StudentProfilesRepository {
  get(userId: string): Promise<StudentProfile | undefined>;
  /** Creates or replaces the whole profile. */
  put(userId: string, profile: JsonObject): Promise<StudentProfile>;
}

export function createStudentProfilesRepository({ db, now }: RepositoryContext): StudentProfilesRepository {
  return {
    async get(userId) {
      const row = await db
        .selectFrom('studentProfiles')
        .selectAll()
        .where('userId', '=', userId)
        .executeTakeFirst();
      return (
        row && {
          userId: row.userId,
          profile: fromJsonText<JsonObject>(row.profile) ?? {},
          updatedAt: row.updatedAt,
        }
      );
    },
    async put(userId, profile) {
      const row = { userId, profile: toJsonText(profile) ?? '{}', updatedAt: now() };
      await db
        .insertInto('studentProfiles')
        .values(row)
        .onConflict((oc) =>
          oc.column('userId').doUpdateSet({ profile: row.profile, updatedAt: row.updatedAt }),
        )
        .execute();
      return { userId, profile, updatedAt: row.updatedAt };
    },
  };
}
