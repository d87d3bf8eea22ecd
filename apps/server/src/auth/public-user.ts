import type { PublicUser } from '@cadenza/contracts';
import type { User } from '@cadenza/platform';

/** Milliseconds since the epoch → ISO 8601 (UTC), as every API timestamp is shown. */
export const isoTime = (ms: number): string => new Date(ms).toISOString();

/** A user as the API shows them: never the password hash, times as ISO 8601. */
export function toPublicUser(user: User): PublicUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    createdAt: isoTime(user.createdAt),
  };
}
