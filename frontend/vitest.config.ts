import { defineConfig, mergeConfig } from 'vitest/config'
import viteConfig from './vite.config'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      include: ['src/**/*.spec.ts'],
      setupFiles: ['src/test/setup.ts'],
      // The first test of a file also pays for compiling its page: on two busy cores that alone
      // can pass the default 5 s. Speed is measured by the bench, never by these tests.
      testTimeout: 20_000,
    },
  }),
)
