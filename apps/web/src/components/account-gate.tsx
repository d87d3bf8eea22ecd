import type { ReactNode } from 'react';
import type { useMe, User } from '../api/auth.js';
import { ErrorPanel } from './error-panel.js';

/**
 * A page for signed-in users behind the account check: "Checking your account…", a failed check with a
 * retry, `signedOut` (a SignedOutPanel) for someone signed out, and `children(user)` once signed in.
 */
export function AccountGate({
  me,
  signedOut,
  children,
}: {
  readonly me: ReturnType<typeof useMe>;
  readonly signedOut: ReactNode;
  readonly children: (user: User) => ReactNode;
}) {
  if (me.isPending) return <p className="muted">Checking your account…</p>;
  if (me.isError)
    return (
      <ErrorPanel
        title="Your account could not be checked."
        error={me.error}
        onRetry={() => void me.refetch()}
      />
    );
  if (!me.data) return signedOut;
  return children(me.data);
}
