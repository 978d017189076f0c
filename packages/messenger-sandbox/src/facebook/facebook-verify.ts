/**
 * The Dashboard's verification of a callback URL, as Facebook makes it: `GET <url>?hub.mode=
 * subscribe&hub.challenge=<challenge>&hub.verify_token=<token>` over https (the CA checked); the
 * server must answer 200 with the challenge as the body.
 */
import { type Agent, request } from 'node:https';
import { ControlError } from '../control-error';
import { describeFailure } from '../webhook-post';

/** @throws {ControlError} 400 with Facebook's words when the URL does not verify. */
export function verifyCallback(
  callbackUrl: string,
  verifyToken: string,
  challenge: string,
  agent: Agent,
): Promise<void> {
  const url = new URL(callbackUrl);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.challenge', challenge);
  url.searchParams.set('hub.verify_token', verifyToken);
  return new Promise((resolve, reject) => {
    const refuse = (why: string) =>
      reject(
        new ControlError(
          400,
          'not_verified',
          `The URL couldn't be validated. ${why}`,
          'callbackUrl',
        ),
      );
    const outgoing = request(url, { agent, timeout: 10_000 }, (response) => {
      let body = '';
      response.on('data', (chunk) => {
        body += chunk;
      });
      response.on('end', () => {
        if (response.statusCode !== 200) return refuse(`Response status: ${response.statusCode}`);
        if (body !== challenge) {
          return refuse(
            `Response does not match challenge, expected value="${challenge}", received="${body.slice(0, 50)}"`,
          );
        }
        resolve();
      });
    });
    outgoing.on('timeout', () =>
      outgoing.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
    );
    outgoing.on('error', (error) => refuse(describeFailure(error)));
    outgoing.end();
  });
}
