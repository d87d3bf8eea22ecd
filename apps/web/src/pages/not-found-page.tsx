import { Link, isRouteErrorResponse, useRouteError } from 'react-router';
import { usePageTitle } from '../layout/use-page-title.js';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link to="/">Go to the studio home</Link>.
      </p>
    </>
  );
}

/** Shown instead of a blank screen when a page throws while rendering. */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'unknown error';
  return (
    <main id="main" className="page">
      <h1>Something went wrong</h1>
      <p role="alert">This page failed to show: {message}</p>
      <p>
        <a href="/">Reload the studio</a>
      </p>
    </main>
  );
}
