import { defineConfig } from 'vitest/config';
import ClosingLineReporter from './tests/support/closing-line.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', new ClosingLineReporter()],
    setupFiles: ['tests/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
