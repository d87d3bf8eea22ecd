import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router/dom';
import { VerovioProvider } from './components/score-view/verovio-context.js';
import { createVerovioLoader } from './components/score-view/verovio-loader.js';
import { createAppRouter } from './router.js';
import { ApiError } from './api/http.js';

/** Client errors (4xx) will not change on a retry; network trouble and 5xx get one more try. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

/** The studio: data cache, the lazily loaded engraver and the router, created once per mount. */
export function App() {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { retry: shouldRetry, staleTime: 60_000, refetchOnWindowFocus: false } },
      }),
  );
  const [verovio] = useState(createVerovioLoader);
  const [router] = useState(createAppRouter);
  return (
    <QueryClientProvider client={queryClient}>
      <VerovioProvider value={verovio}>
        <RouterProvider router={router} />
      </VerovioProvider>
    </QueryClientProvider>
  );
}
