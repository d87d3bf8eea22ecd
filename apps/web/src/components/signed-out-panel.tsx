import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * What a page offers someone signed out, then the way in: "Log in or sign up to `goal`." The children
 * say what the page is for (one or more paragraphs).
 */
export function SignedOutPanel({ children, goal }: { readonly children: ReactNode; readonly goal: string }) {
  return (
    <div className="panel">
      {children}
      <p>
        <Link to="/login">Log in</Link> or <Link to="/signup">sign up</Link> to {goal}.
      </p>
    </div>
  );
}
