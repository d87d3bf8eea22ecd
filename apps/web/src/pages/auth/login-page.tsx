import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useLogin } from '../../api/auth.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { usePageTitle } from '../../layout/use-page-title.js';

export function LoginPage() {
  usePageTitle('Log in');
  const login = useLogin();
  const navigate = useNavigate();
  const emailId = useId();
  const passwordId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email, password }, { onSuccess: () => void navigate('/library') });
  };
  return (
    <>
      <h1>Log in</h1>
      <form className="panel stacked-form" onSubmit={submit} aria-describedby="login-note">
        <label htmlFor={emailId}>Email</label>
        <input
          id={emailId}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor={passwordId}>Password</label>
        <input
          id={passwordId}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {login.isError && <ErrorPanel title="Could not log in." error={login.error} />}
        <button type="submit" disabled={login.isPending}>
          {login.isPending ? 'Logging in…' : 'Log in'}
        </button>
        <p id="login-note" className="muted">
          No account yet? <Link to="/signup">Sign up</Link>. Theory works without one; saving needs one.
        </p>
      </form>
    </>
  );
}
