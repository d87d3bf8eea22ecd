/** Why a learning request was refused; the API answers each code with its status. */
export const LEARNING_ERROR_STATUS = {
  /** The student has not answered onboarding yet (PUT /students/me/profile first). */
  no_profile: 404,
  /** No such placement test, plan item, or linked student (someone else's reads the same). */
  not_found: 404,
  /** A teacher route called by a student, or a student route by a teacher. */
  forbidden: 403,
  /** The request cannot be done in the document's current state (e.g. no curriculum to edit). */
  conflict: 409,
} as const;

export type LearningErrorCode = keyof typeof LEARNING_ERROR_STATUS;

export class LearningError extends Error {
  override readonly name = 'LearningError';
  readonly status: number;
  constructor(
    readonly code: LearningErrorCode,
    message: string,
  ) {
    super(message);
    this.status = LEARNING_ERROR_STATUS[code];
  }
}

export const noProfile = () =>
  new LearningError('no_profile', 'no profile yet — PUT /students/me/profile first');
