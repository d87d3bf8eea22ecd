import type { ItemKind, UserRole } from '@cadenza/contracts';

/**
 * The database as Kysely sees it. Property names are camelCase; the CamelCasePlugin maps them to the
 * snake_case columns the migrations create. Portable types on both dialects: TEXT ids (see ids.ts),
 * timestamps as integer milliseconds since the Unix epoch (BIGINT), JSON as TEXT, no booleans.
 */
/** A browser login (cookie) or a named bearer token for scripts. */
export type SessionKind = 'session' | 'api';

/** Where a stored job stands; the same values as contracts' JobStatus. */
export type StoredJobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type EpochMs = number;

export interface UsersTable {
  id: string;
  /** Stored normalised (trimmed, lower case); a unique index on lower(email) backs it up. */
  email: string;
  displayName: string;
  /** `$scrypt$ln=…,r=…,p=…$salt$hash` (see auth/password.ts). */
  passwordHash: string;
  role: UserRole;
  createdAt: EpochMs;
}

export interface SessionsTable {
  id: string;
  userId: string;
  /** Hex SHA-256 of the bearer token; the token itself is never stored. */
  tokenHash: string;
  kind: SessionKind;
  name: string | null;
  createdAt: EpochMs;
  /** NULL = never expires (API tokens without a lifetime). */
  expiresAt: EpochMs | null;
  lastUsedAt: EpochMs | null;
}

export interface TeacherStudentsTable {
  teacherId: string;
  studentId: string;
  /** When the teacher invited the student. */
  createdAt: EpochMs;
  /** When the student accepted; null while the link is a pending invitation that grants nothing. */
  acceptedAt: EpochMs | null;
}

export interface ItemsTable {
  id: string;
  ownerId: string;
  kind: ItemKind;
  title: string;
  createdAt: EpochMs;
  updatedAt: EpochMs;
  /** JSON object as text. */
  metadata: string;
}

export interface ItemFilesTable {
  id: string;
  itemId: string;
  blobId: string;
  /** What the file is to the item: 'musicxml', 'midi', 'audio', 'pdf', … */
  role: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  createdAt: EpochMs;
}

export interface BlobsTable {
  id: string;
  /** Hex SHA-256 of the content; where the content lives in the blob store. */
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  createdAt: EpochMs;
}

export interface BlobContentsTable {
  sha256: string;
  content: Uint8Array;
}

export interface JobsTable {
  id: string;
  kind: string;
  ownerId: string | null;
  status: StoredJobStatus;
  /** 0–100. */
  progress: number;
  stage: string | null;
  attempts: number;
  maxAttempts: number;
  error: string | null;
  /** JSON as text. */
  input: string;
  /** JSON as text; NULL until the job succeeds. */
  result: string | null;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

export interface PracticeSessionsTable {
  id: string;
  userId: string;
  itemId: string | null;
  exerciseId: string | null;
  startedAt: EpochMs;
  /** Seconds practised (fractional). */
  durationSeconds: number;
  /** JSON as text. */
  score: string | null;
  createdAt: EpochMs;
}

/** A graded attempt at a generated exercise (issue 7); the API lists them as practice sessions. */
export interface PracticeAttemptsTable {
  id: string;
  userId: string;
  /** The exercise's id in the blob store. */
  exerciseId: string;
  skillType: string;
  subtype: string;
  /** 1–10. */
  difficulty: number;
  /** 'midi-keyboard', 'midi-file' or 'audio'. */
  source: string;
  /** 0–100. */
  score: number;
  /** 0–1. */
  pitchAccuracy: number;
  /** 0–1. */
  rhythmAccuracy: number;
  /** Quarter notes per minute the student kept; null when it could not be measured. */
  tempoPlayed: number | null;
  tempoExpected: number;
  /** JSON as text: the whole graded answer (PracticeAttemptResponse). */
  grade: string;
  createdAt: EpochMs;
}

export interface StudentProfilesTable {
  userId: string;
  /** JSON as text: room for the learning-path issue (skills, spaced-repetition state, …). */
  profile: string;
  updatedAt: EpochMs;
}

export interface Schema {
  users: UsersTable;
  sessions: SessionsTable;
  teacherStudents: TeacherStudentsTable;
  items: ItemsTable;
  itemFiles: ItemFilesTable;
  blobs: BlobsTable;
  blobContents: BlobContentsTable;
  jobs: JobsTable;
  practiceSessions: PracticeSessionsTable;
  practiceAttempts: PracticeAttemptsTable;
  studentProfiles: StudentProfilesTable;
}
