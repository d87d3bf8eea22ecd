import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSignup, type Role } from '../../api/auth.js';
import { ErrorPanel } from '../../components/error-panel.js';
import { usePageTitle } from '../../layout/use-page-title.js';

/** Passwords shorter than this are refused here before the server is asked (contracts' MIN_PASSWORD_LENGTH). */
const MIN_PASSWORD_LENGTH = 8;

export function SignupPage() {
  usePageTitle('Sign up');
  const signup = useSignup();
  const navigate = useNavigate();
  const ids = { name: useId(), email: useId(), password: useId(), hint: useId() };
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('student');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    signup.mutate({ email, password, displayName, role }, { onSuccess: () => void navigate('/library') });
  };
  return (
    <>
      <h1>Sign up</h1>
      <form className="panel stacked-form" onSubmit={submit}>
        <label htmlFor={ids.name}>Display name</label>
        <input
          id={ids.name}
          autoComplete="nickname"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <label htmlFor={ids.email}>Email</label>
        <input
          id={ids.email}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor={ids.password}>Password</label>
        <input
          id={ids.password}
          type="password"
          autoComplete="new-password"
          minLength={MIN_PASSWORD_LENGTH}
          required
          aria-describedby={ids.hint}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p id={ids.hint} className="muted">
          At least {MIN_PASSWORD_LENGTH} characters.
        </p>
        <fieldset>
          <legend>I am a</legend>
          {(['student', 'teacher'] as const).map((r) => (
            <label key={r} className="radio">
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              {r === 'student' ? 'Student' : 'Teacher'}
            </label>
          ))}
        </fieldset>
        {signup.isError && <ErrorPanel title="Could not sign up." error={signup.error} />}
        <button type="submit" disabled={signup.isPending}>
          {signup.isPending ? 'Creating your account…' : 'Create account'}
        </button>
        <p className="muted">
          Already have an account? <Link to="/login">Log in</Link>.
        </p>
      </form>
    </>
  );
}
