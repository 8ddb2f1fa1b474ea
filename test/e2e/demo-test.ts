import { test } from 'vitest';
import { openDemoSession, type DemoSession, type DemoSessionOptions } from './demo-session';

/**
 * `test` with a file-scoped `session`: the served Demo and a Chromium page, opened once for the file (the first
 * test or `beforeAll` that asks for it) and closed after its last test. Each e2e file starts from
 * `const it = demoTest({ ...options })` and takes `({ session })` in its hooks and tests.
 */
export function demoTest(options: DemoSessionOptions = {}) {
  return test.extend<{ $file: { session: DemoSession } }>({
    session: [
      // eslint-disable-next-line no-empty-pattern -- Vitest reads the fixtures a fixture needs from this pattern
      async ({}, use) => {
        const session = await openDemoSession(options);
        try {
          await use(session);
        } finally {
          await session.close();
        }
      },
      { scope: 'file' },
    ],
  });
}
