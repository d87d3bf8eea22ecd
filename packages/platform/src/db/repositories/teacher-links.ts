import type { EpochMs } from '../schema.js';
import type { RepositoryContext } from './context.js';
import type { User } from './users.js';

/**
 * Which teacher follows which student. The rules (only a teacher links, only a student is linked) live in
 * auth/teachers.ts; this layer stores pairs.
 */
export interface TeacherLinksRepository {
  /** Idempotent: linking an existing pair changes nothing and returns false. */
  link(teacherId: string, studentId: string): Promise<boolean>;
  unlink(teacherId: string, studentId: string): Promise<boolean>;
  isLinked(teacherId: string, studentId: string): Promise<boolean>;
  /** The teacher's students, by display name. */
  studentsOf(teacherId: string): Promise<(User & { readonly linkedAt: EpochMs })[]>;
  teachersOf(studentId: string): Promise<User[]>;
}

export function createTeacherLinksRepository({ db, now }: RepositoryContext): TeacherLinksRepository {
  return {
    async link(teacherId, studentId) {
      const result = await db
        .insertInto('teacherStudents')
        .values({ teacherId, studentId, createdAt: now() })
        .onConflict((oc) => oc.columns(['teacherId', 'studentId']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
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
        .executeTakeFirst();
      return row !== undefined;
    },
    async studentsOf(teacherId) {
      return db
        .selectFrom('teacherStudents as l')
        .innerJoin('users as u', 'u.id', 'l.studentId')
        .select(['u.id', 'u.email', 'u.displayName', 'u.role', 'u.createdAt', 'l.createdAt as linkedAt'])
        .where('l.teacherId', '=', teacherId)
        .orderBy('u.displayName')
        .orderBy('u.id')
        .execute();
    },
    async teachersOf(studentId) {
      return db
        .selectFrom('teacherStudents as l')
        .innerJoin('users as u', 'u.id', 'l.teacherId')
        .select(['u.id', 'u.email', 'u.displayName', 'u.role', 'u.createdAt'])
        .where('l.studentId', '=', studentId)
        .orderBy('u.displayName')
        .orderBy('u.id')
        .execute();
    },
  };
}
