import { defineConfig } from 'vitest/config';

// Tests run against the TypeScript sources of the workspace packages (the "source" export condition),
// never against a possibly stale dist/. No 'import' in the list: Vite applies it by itself, and listing it
// makes CommonJS packages' own require() calls pick ESM builds (pg: "Class extends value [object Module]").
const conditions = ['source', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts'],
    globalSetup: ['apps/web/test/e2e-build-dir.ts'],
    testTimeout: 60_000,
    server: { deps: { inline: [/@cadenza\//] } },
  },
});
