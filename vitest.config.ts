import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Fails the run if the suite leaves a Chromium process behind.
    globalSetup: ['tests/leftover-browsers.ts'],
    // End-to-end builds drive a real Chromium; a cold one takes seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
