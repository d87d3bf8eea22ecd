import type { EpochMs } from '../schema.js';
import type { RepositoryContext } from './context.js';
import type { User } from './users.js';

/** A link as either side sees it: the other person, when the teacher invited, when the student accepted. */
export type LinkedUser = User & {
  /** When the teacher invited the student, epoch ms. */
  readonly linkedAt: EpochMs;
  /** When the student accepted, epoch ms; null while the link is a pending invitation. */
  readonly acceptedAt: EpochMs | null;
};

/**
 * Which teacher follows which student. A link starts as a pending invitation (`acceptedAt` null) and
 * grants nothing until the student accepts it. The rules (only a teacher invites, only a student is
 * invited, only the student accepts) live in auth/teachers.ts; this layer stores pairs.
 */
export interface TeacherLinksRepository {
  /** Creates a pending link. Idempotent: an existing pair (pending or accepted) is left as is; false. */
  link(teacherId: string, studentId: string): Promise<boolean>;
  /** Marks the link accepted (keeps the first acceptance time); false when there is no link at all. */
  accept(teacherId: string, studentId: string): Promise<boolean>;
  /** Removes the link, pending or accepted; false when there was none. */
  unlink(teacherId: string, studentId: string): Promise<boolean>;
  /** True only for an accepted link: a pending invitation grants nothing. */
  isLinked(teacherId: string, studentId: string): Promise<boolean>;
  /** The teacher's students, pending and accepted, by display name. */
  studentsOf(teacherId: string): Promise<LinkedUser[]>;
  /** The student's teachers, pending and accepted, by display name. */
  teachersOf(studentId: string): Promise<LinkedUser[]>;
}

export function createTeacherLinksRepository({ db, now }: RepositoryContext): TeacherLinksRepository {
  /** The people on the other side of `side`'s links (the students of a teacher, or the reverse). */
  const linkedUsers = (side: 'teacher' | 'student', id: string): Promise<LinkedUser[]> =>
    db
      .selectFrom('teacherStudents as l')
      .innerJoin('users as u', 'u.id', side === 'teacher' ? 'l.studentId' : 'l.teacherId')
      .select([
        'u.id',
        'u.email',
        'u.displayName',
        'u.role',
        'u.createdAt',
        'l.createdAt as linkedAt',
        'l.acceptedAt',
      ])
      .where(side === 'teacher' ? 'l.teacherId' : 'l.studentId', '=', id)
      .orderBy('u.displayName')
      .orderBy('u.id')
      .execute();
  return {
    async link(teacherId, studentId) {
      const result = await db
        .insertInto('teacherStudents')
        .values({ teacherId, studentId, createdAt: now(), acceptedAt: null })
        .onConflict((oc) => oc.columns(['teacherId', 'studentId']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    },
    async accept(teacherId, studentId) {
      const result = await db
        .updateTable('teacherStudents')
        .set((eb) => ({ acceptedAt: eb.fn.coalesce('acceptedAt', eb.val(now())) }))
        .where('teacherId', '=', teacherId)
        .where('studentId', '=', studentId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
    async unlink(teacherId, studentId) {
      const result = await db
        .deleteFrom('teacherStudents')
        .where('teacherId', '=', teacherId)
        .where('studentId', '=', studentId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    async isLinked(teacherId, studentId) {
      const row = await db
        .selectFrom('teacherStudents')
        .select('teacherId')
        .where('teacherId', '=', teacherId)
        .where('studentId', '=', studentId)
        .where('acceptedAt', 'is not', null)
        .executeTakeFirst();
      return row !== undefined;
    },
    studentsOf: (teacherId) => linkedUsers('teacher', teacherId),
    teachersOf: (studentId) => linkedUsers('student', studentId),
  };
}
