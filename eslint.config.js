import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'migrations/**',
      'test-results/**',
      'playwright-report/**',
      'data/**',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.js',
            '*.mjs',
            '*.cjs',
            '.*.cjs',
            'scripts/*.mjs',
            'scripts/*.cjs',
            'bench/*.mjs',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Areas add their text keys to the platform's registry with `interface X extends Record<…> {}`.
      '@typescript-eslint/no-empty-object-type': [
        'error',
        { allowInterfaces: 'with-single-extends' },
      ],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // CommonJS files (the boundary check's config and what it reads) load CommonJS.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // One clock (platform/clock.ts): server code never reads the process or database clock
    // on its own, so tests that move the clock move it for the data too.
    files: ['src/**/*.ts'],
    ignores: ['src/web/**', 'src/*/web/**', '**/*.test.ts', 'src/platform/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use clock.now() from platform/clock.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Use clock.ms() from platform/clock (or performance.now() for a duration).',
        },
        {
          selector: "CallExpression[callee.property.name='defaultNow']",
          message: 'Timestamps come from the app clock: use stampedAt() from platform/db/columns.',
        },
        {
          selector:
            'TemplateElement[value.raw=/\\b(now|clock_timestamp|statement_timestamp|transaction_timestamp)\\s*\\(|\\bcurrent_(timestamp|date|time)\\b|\\blocaltimestamp\\b/i]',
          message: 'SQL must not read the database clock: pass clock.now() as a parameter.',
        },
      ],
    },
  },
  // Boundaries between the platform, the areas and the web client: .dependency-cruiser.cjs.
  {
    // Tests read JSON answers as `any` on purpose: the assertions are the type check.
    files: ['**/*.test.ts', 'e2e/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
