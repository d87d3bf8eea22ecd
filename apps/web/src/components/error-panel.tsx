import { messageOf } from '../api/http.js';

/** A failed request, said plainly, with a retry when one makes sense. */
export function ErrorPanel({
  title,
  error,
  onRetry,
}: {
  readonly title: string;
  readonly error: unknown;
  readonly onRetry?: () => void;
}) {
  return (
    <div className="panel panel--error" role="alert">
      <p>
        <strong>{title}</strong> {messageOf(error)}
      </p>
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
