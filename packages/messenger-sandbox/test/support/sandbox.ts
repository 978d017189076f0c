/** A sandbox on free loopback ports with a clock the test moves, and a Bot API client. */
import type { TestClock } from '../../../platform/test/support/platform';
import { type MessengerSandbox, type SandboxOptions, startMessengerSandbox } from '../../src/index';

/** Wednesday 4 March 2026, 10:00 in Moscow. */
export const NOW = '2026-03-04T07:00:00Z';

/**
 * A clock the test moves, of the platform tests' TestClock type (so that one clock can drive the
 * platform and the sandbox); made here because importing the platform's test support loads the
 * whole platform, seconds per test file.
 */
export function testClock(iso: string): TestClock {
  let now = Date.parse(iso);
  return Object.assign(() => new Date(now), {
    set: (next: string) => {
      now = Date.parse(next);
    },
    advance: (ms: number) => {
      now += ms;
    },
  });
}

/** A started sandbox and its clock. */
export interface TestSandbox extends MessengerSandbox {
  clock: TestClock;
}

/** Starts a sandbox reading `clock` (fresh, at {@link NOW}, unless given). */
export async function startSandbox(
  options: SandboxOptions & { clock?: TestClock } = {},
): Promise<TestSandbox> {
  const clock = options.clock ?? testClock(NOW);
  const sandbox = await startMessengerSandbox({ ...options, clock });
  return { ...sandbox, clock };
}

/** A Bot API answer: the HTTP status and the JSON body. */
export interface BotAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the tests read whatever the API answers.
  body: any;
}

/** Calls `method` of the bot with `token` as a JSON POST (what grammY sends). */
export function botApi(apiUrl: string, token: string) {
  return async (
    method: string,
    params: object = {},
    init: RequestInit = {},
  ): Promise<BotAnswer> => {
    const response = await fetch(`${apiUrl}/bot${token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
      ...init,
    });
    return { status: response.status, body: await response.json() };
  };
}
