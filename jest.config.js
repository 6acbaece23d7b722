/**
 * Jest over the TypeScript sources via ts-jest, transpile-only (types are checked once by
 * `npm run typecheck`). No watchman: CI and fresh clones have none, and probing for it hangs.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  watchman: false,
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 20000,
};
