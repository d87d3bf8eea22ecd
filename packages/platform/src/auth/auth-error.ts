/** Why an account operation was refused, with the HTTP status the API should answer. */
export const AUTH_ERROR_STATUS = {
  /** Sign-up with an email that already has an account (compared case-insensitively). */
  email_taken: 409,
  /** Wrong email or password; deliberately does not say which. */
  invalid_credentials: 401,
  /** Password shorter than the minimum (or absurdly long). */
  weak_password: 400,
  /** Not an email address. */
  invalid_email: 400,
  /** The user's role does not allow this (e.g. a student linking students). */
  forbidden: 403,
  /** No student account with that email (teacher linking). */
  student_not_found: 404,
} as const;

export type AuthErrorCode = keyof typeof AUTH_ERROR_STATUS;

export class AuthError extends Error {
  override readonly name = 'AuthError';
  /** The HTTP status for this code. */
  readonly status: number;
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.status = AUTH_ERROR_STATUS[code];
  }
}
