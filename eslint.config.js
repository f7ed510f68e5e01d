// ESLint flat config: JS recommended + typescript-eslint recommended (syntactic, not type-aware:
// `npm run typecheck` and svelte-check already run the compiler) + Svelte recommended, with
// eslint-config-prettier last so no rule argues with the formatter.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './apps/web/svelte.config.js';

export default ts.config(
  {
    // Generated code and build output (the same folders as .gitignore).
    ignores: [
      '**/node_modules/',
      'apps/web/build/',
      'apps/web/.svelte-kit/',
      'packages/db/src/generated/',
      'media-samples/out/',
      'tmp/',
      'test-results/',
      'playwright-report/',
      '.data/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
  },
  {
    files: ['apps/web/**/*.{js,ts,svelte}'],
    languageOptions: {
      globals: { ...globals.browser },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    rules: {
      // Asks for resolve() from $app/paths around every href and goto() so links follow
      // kit.paths.base. The app has no base path: the API serves it at the site root
      // (apps/api/src/plugins/web.ts), so resolve() would return its input everywhere.
      'svelte/no-navigation-without-resolve': 'off',
      // The codebase's convention: a leading underscore names a binding kept on purpose, e.g. a
      // field dropped from a rest object (`{ zoneId: _z, ...rest }`) or a parameter an interface requires.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
);
