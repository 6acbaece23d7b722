// Lint: typescript-eslint's recommended type-aware rules plus the few that guard our contracts.
// Formatting is Prettier's job.
const tseslint = require('typescript-eslint');

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/graphql/__generated__/**', 'coverage/**', '*.js', '**/*.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
      // Apollo plugin hooks and context factories are async by interface, await or not.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Simulators print vendor-supplied values of unknown type on purpose.
      '@typescript-eslint/no-base-to-string': 'warn',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/simulators/**'], message: 'Connectors and core must not depend on simulators.' },
          ],
        },
      ],
    },
  },
  {
    // core/ knows no vendor and no layer above it (DESIGN §2).
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/simulators/**'], message: 'Core must not depend on simulators.' },
            { group: ['**/connectors/**'], message: 'Core knows no vendor: connectors depend on core, never the reverse.' },
            { group: ['**/graphql/**', '**/server', '**/config/**', '**/edge/**', '**/vendors', '**/vendors/**'], message: 'Core is below the GraphQL and HTTP layers.' },
          ],
        },
      ],
    },
  },
  {
    // Nothing in graphql/ speaks a vendor's wire format: it reaches sources through core's contract.
    files: ['src/graphql/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/simulators/**'], message: 'GraphQL code must not depend on simulators.' },
            { group: ['**/connectors/**', '**/vendors', '**/vendors/**'], message: 'GraphQL code reaches sources only through core/connector.' },
          ],
        },
      ],
    },
  },
  {
    // Only the startup of simulated sources and tests may start simulators.
    files: ['src/config/simulated.ts', 'test/**', 'bench/**', 'src/simulators/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
