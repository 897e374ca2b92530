import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// One import direction: domain <- mocks, api <- components <- features <- app.
const noImports = (patterns) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: patterns.map((group) => ({
        group,
        message: 'This folder may not import from there (see docs/architecture.md).',
      })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'coverage',
      'reports',
      'test-results',
      'playwright-report',
      'public/mockServiceWorker.js',
      'dist-bench',
      'bench/scratch',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**'],
    rules: noImports([
      [
        'react',
        'react-*',
        'msw',
        'msw/*',
        '@tanstack/*',
        'recharts',
        '**/api/**',
        '**/features/**',
        '**/app/**',
        '**/components/**',
        '**/mocks/**',
      ],
    ]),
  },
  {
    files: ['mocks/**'],
    rules: noImports([['react', 'react-*', '**/api/**', '**/features/**', '**/app/**', '**/components/**']]),
  },
  {
    files: ['src/api/**'],
    rules: noImports([
      ['react', 'react-dom', 'recharts', '**/features/**', '**/app/**', '**/components/**', '**/mocks/**'],
    ]),
  },
  { files: ['src/components/**'], rules: noImports([['**/features/**', '**/app/**', '**/mocks/**']]) },
  // A feature may not reach into a sibling feature ('../other/x'); shared code moves to components or domain.
  {
    files: ['src/features/**'],
    rules: noImports([
      // The router is read through components/routing, so it can change without touching features.
      ['**/app/**', '**/mocks/**', 'wouter', 'wouter/*'],
      ['../*/**', '!../../**'],
    ]),
  },
  // Tests render whole routes against the MSW Node server, as a user meets them.
  { files: ['**/*.test.{ts,tsx}', 'src/test/**'], rules: { 'no-restricted-imports': 'off' } },
);
