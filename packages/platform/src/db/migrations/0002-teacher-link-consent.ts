import { sql, type Kysely, type Migration } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations describe the schema as it was then, not as Schema says now */

/**
 * A teacher–student link needs the student's consent: `accepted_at` (epoch ms) is null while the link is a
 * pending invitation. Links made before this migration were usable already, so they count as accepted at
 * the moment they were created; nothing a teacher could see disappears on upgrade.
 */
export function teacherLinkConsentMigration(): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('teacher_students').addColumn('accepted_at', 'bigint').execute();
      await db
        .updateTable('teacher_students')
        .set({ accepted_at: sql`created_at` })
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      // Dropping the column would turn pending invitations into accepted links; drop them first.
      await db.deleteFrom('teacher_students').where('accepted_at', 'is', null).execute();
      await db.schema.alterTable('teacher_students').dropColumn('accepted_at').execute();
    },
  };
}
