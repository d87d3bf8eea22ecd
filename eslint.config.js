// Lint enforces the architecture: typed rules everywhere, no import cycles, and layer bans so a pure
// package (core, formats, analysis, pedagogy) never reaches Node built-ins, the DOM, or a layer above it.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const PURE = ['core', 'formats', 'analysis', 'pedagogy', 'contracts'];
/** What each layer may import from @cadenza/*; anything else above it is banned. */
const ALLOWED = {
  contracts: [],
  core: [],
  formats: ['core'],
  analysis: ['core'],
  pedagogy: ['core', 'formats', 'analysis'],
  platform: ['core', 'formats', 'analysis', 'pedagogy', 'contracts'],
};
const ALL = ['contracts', 'core', 'formats', 'analysis', 'pedagogy', 'platform', 'cli', 'server', 'web'];
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'fetch',
  'XMLHttpRequest',
  'AudioContext',
];

/** Apps sit on top; they may import the packages but not each other (the CLI may start the server). */
const APP_ALLOWED = {
  server: ['contracts', 'core', 'formats', 'analysis', 'pedagogy', 'platform'],
  cli: ['contracts', 'core', 'formats', 'analysis', 'pedagogy', 'platform', 'server'],
  web: ['contracts', 'core'],
};
const appRules = Object.entries(APP_ALLOWED).map(([app, allowed]) => ({
  files: [`apps/${app}/src/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ALL.filter((p) => p !== app && !allowed.includes(p)).map((b) => `@cadenza/${b}`),
            message: `apps/${app} may import only ${allowed.map((a) => '@cadenza/' + a).join(', ')}`,
          },
        ],
      },
    ],
  },
}));

const layerRules = Object.entries(ALLOWED).map(([pkg, allowed]) => {
  const banned = ALL.filter((p) => p !== pkg && !allowed.includes(p));
  const pure = PURE.includes(pkg);
  return {
    files: [`packages/${pkg}/src/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: pure
            ? nodeBuiltins.map((name) => ({
                name,
                message: `${pkg} is a pure package: no Node built-ins (I/O belongs in platform)`,
              }))
            : [],
          patterns: [
            {
              group: banned.map((b) => `@cadenza/${b}`),
              message: `${pkg} may import only ${allowed.length ? allowed.map((a) => '@cadenza/' + a).join(', ') : 'no other Cadenza package'}: dependencies point down the layers`,
            },
            ...(pure
              ? [{ group: ['fs', 'path', 'child_process', 'http'], message: 'pure packages do no I/O' }]
              : []),
          ],
        },
      ],
      ...(pure
        ? {
            'no-restricted-globals': [
              'error',
              ...DOM_GLOBALS.map((name) => ({ name, message: `${pkg} is pure: no DOM or browser globals` })),
              { name: 'process', message: `${pkg} is pure: configuration is passed in` },
            ],
            'no-restricted-properties': [
              'error',
              { object: 'Math', property: 'random', message: 'use a seeded Rng from @cadenza/core' },
              { object: 'Date', property: 'now', message: 'pure code takes the time as an argument' },
            ],
          }
        : {}),
    },
  };
});

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.test.json', './packages/*/tsconfig.json', './apps/*/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.test.json', 'packages/*/tsconfig.json', 'apps/*/tsconfig.json'],
          noWarnOnMultipleProjects: true,
          conditionNames: ['source', 'types', 'import', 'default'],
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'no-console': 'off',
    },
  },
  ...layerRules,
  ...appRules,
  {
    files: ['**/test/**/*.ts', 'scripts/**', '*.config.*'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
