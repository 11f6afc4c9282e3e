import { defineConfig } from 'vitest/config'

// Runs against a real SPA, backend and Keycloak: see e2e/account.e2e.ts.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    // The tests share the demo users: two of them filling alice's basket at once would mix it.
    fileParallelism: false,
    // Keycloak's first login is slow on a small machine.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
})
