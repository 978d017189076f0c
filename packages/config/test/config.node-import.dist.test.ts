/** The built ESM entry imports in plain Node 20, with no bundler or loader in between. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const packageDir = new URL('..', import.meta.url).pathname;

describe('built package in plain Node', () => {
  it('imports "@frontdesk/config" and answers', () => {
    const out = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '--eval',
        `
        import { defaultSettings, parseSettings, isOriginAllowed } from '@frontdesk/config';
        const bad = { ...defaultSettings('chat'), allowedOrigins: ['https://a.example/'] };
        console.log(
          parseSettings(defaultSettings('callback')).ok,
          parseSettings(bad).issues[0].path,
          isOriginAllowed('http://localhost:5173', ['http://localhost:*']),
        );
        `,
      ],
      { cwd: packageDir, encoding: 'utf8' },
    ).trim();
    expect(out).toBe('true allowedOrigins[0] true');
  });
});
