import { Link, useNavigate } from 'react-router';
import { useLogout, useMe } from '../api/auth.js';
import { messageOf } from '../api/http.js';

/** Log in / sign up when logged out; the user's name and a log-out button when logged in. */
export function AccountMenu() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();

  if (me.data) {
    return (
      <div className="account">
        <span className="account__name">
          Signed in as <strong>{me.data.displayName}</strong>
        </span>
        <button
          type="button"
          className="button-secondary"
          disabled={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSuccess: () => void navigate('/') })}
        >
          Log out
        </button>
        {logout.isError && (
          <span role="alert" className="error">
            {messageOf(logout.error)}
          </span>
        )}
      </div>
    );
  }
  return (
    <div className="account">
      <Link to="/login">Log in</Link>
      <Link to="/signup" className="button-link">
        Sign up
      </Link>
    </div>
  );
}
