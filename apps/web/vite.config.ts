import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npm run dev` forwards API calls: the Cadenza server (`cadenza serve`) on its default port. */
const API_TARGET = 'http://127.0.0.1:3000';

/**
 * API paths the dev server forwards. Regexes, because some pages share a prefix with an API path:
 * the page /theory stays with Vite, /theory/chord goes to the server.
 */
const API_PATHS = [
  '^/(health|ready|openapi\\.json)$',
  '^/docs',
  '^/theory/',
  '^/auth/',
  '^/library/',
  '^/jobs/',
  '^/export/',
  '^/files/',
  // The genre generators; the page /generate stays with Vite.
  '^/(gospel|jazz|blues|classical|neosoul)/',
  // Transcriptions, exercises, ear-training questions, practice attempts; the pages stay with Vite.
  '^/transcriptions/',
  '^/exercises/',
  '^/ear-training/',
  '^/practice/',
  // Learning paths: a student's profile, plan and progress; a teacher's students.
  '^/students/',
  '^/teachers/',
];

export default defineConfig({
  plugins: [react()],
  build: {
    // verovio's engraver is one 7 MB chunk with its wasm inlined; it is loaded only when a score is shown.
    chunkSizeWarningLimit: 9000,
  },
  server: {
    proxy: {
      ...Object.fromEntries(API_PATHS.map((path) => [path, { target: API_TARGET, changeOrigin: false }])),
      // The song catalogue: /songs and /songs/{id} are pages to a browser's navigation (Accept names
      // text/html; Vite answers with the studio) and API to fetch(), as the server decides.
      '^/songs(/|$)': {
        target: API_TARGET,
        changeOrigin: false,
        bypass: (req) => ((req.headers.accept ?? '').includes('text/html') ? '/index.html' : undefined),
      },
    },
  },
});
