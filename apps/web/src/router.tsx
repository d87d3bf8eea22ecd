import { createBrowserRouter } from 'react-router';
import { AppShell } from './layout/app-shell.js';
import { LoginPage } from './pages/auth/login-page.js';
import { SignupPage } from './pages/auth/signup-page.js';
import { ComingSoonPage } from './pages/coming-soon-page.js';
import { EarTrainingPage } from './pages/ear-training/ear-training-page.js';
import { GeneratePage } from './pages/generate/generate-page.js';
import { HomePage } from './pages/home-page.js';
import { LearnPage } from './pages/learn/learn-page.js';
import { LibraryPage } from './pages/library-page.js';
import { NotFoundPage, RouteErrorPage } from './pages/not-found-page.js';
import { PracticePage } from './pages/practice/practice-page.js';
import { SongPage } from './pages/songs/song-page.js';
import { SongsPage } from './pages/songs/songs-page.js';
import { TheoryPage } from './pages/theory/theory-page.js';
import { TranscribePage } from './pages/transcribe/transcribe-page.js';

/** The studio's pages, all inside the shell. */
export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <AppShell />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <HomePage /> },
        { path: 'generate', element: <GeneratePage /> },
        { path: 'transcribe', element: <TranscribePage /> },
        { path: 'practice', element: <PracticePage /> },
        { path: 'ear-training', element: <EarTrainingPage /> },
        { path: 'learn', element: <LearnPage /> },
        { path: 'songs', element: <SongsPage /> },
        { path: 'songs/:id', element: <SongPage /> },
        { path: 'theory', element: <TheoryPage /> },
        { path: 'compose', element: <ComingSoonPage feature="compose" /> },
        { path: 'library', element: <LibraryPage /> },
        { path: 'login', element: <LoginPage /> },
        { path: 'signup', element: <SignupPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
