import type { Kysely } from 'kysely';
import type { EpochMs, Schema } from '../schema.js';
import { createItemsRepository, type ItemsRepository } from './items.js';
import { createJobsRepository, type JobsRepository } from './jobs.js';
import { createPracticeAttemptsRepository, type PracticeAttemptsRepository } from './practice-attempts.js';
import { createPracticeSessionsRepository, type PracticeSessionsRepository } from './practice-sessions.js';
import { createSessionsRepository, type SessionsRepository } from './sessions.js';
import { createStudentProfilesRepository, type StudentProfilesRepository } from './student-profiles.js';
import { createTeacherLinksRepository, type TeacherLinksRepository } from './teacher-links.js';
import { createUsersRepository, type UsersRepository } from './users.js';

/** Every repository over one database: the same code on SQLite and PostgreSQL. */
export interface Repositories {
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  readonly teacherLinks: TeacherLinksRepository;
  readonly items: ItemsRepository;
  readonly jobs: JobsRepository;
  readonly practiceSessions: PracticeSessionsRepository;
  readonly practiceAttempts: PracticeAttemptsRepository;
  readonly studentProfiles: StudentProfilesRepository;
}

/** @param now clock in ms since the epoch (default Date.now); tests pass a controlled one. */
export function createRepositories(db: Kysely<Schema>, now: () => EpochMs = Date.now): Repositories {
  const context = { db, now };
  return {
    users: createUsersRepository(context),
    sessions: createSessionsRepository(context),
    teacherLinks: createTeacherLinksRepository(context),
    items: createItemsRepository(context),
    jobs: createJobsRepository(context),
    practiceSessions: createPracticeSessionsRepository(context),
    practiceAttempts: createPracticeAttemptsRepository(context),
    studentProfiles: createStudentProfilesRepository(context),
  };
}

export type { RepositoryContext } from './context.js';
export * from './items.js';
export * from './jobs.js';
export * from './page-cursor.js';
export * from './practice-attempts.js';
export * from './practice-sessions.js';
export * from './sessions.js';
export * from './student-profiles.js';
export * from './teacher-links.js';
export * from './users.js';
