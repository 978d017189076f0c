/**
 * What the e-mail transport makes of an SMTP server's refusals, against a real one on loopback:
 * only a refusal of this very recipient is for good; trouble with the server itself (its login,
 * its limits, relaying) is tried again.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailTransport } from '../../src/outbox/email-transport';
import type { Transport } from '../../src/outbox/transport';
import { failure, message } from '../support/outbox-transport';

const FROM = 'Frontdesk <robot@frontdesk.test>';

describe('the e-mail transport', () => {
  /** Set by a test: the greeting's refusal code (the server turns every connection away). */
  let greeting: number | undefined;
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    // The replies exactly as written below.
    hideENHANCEDSTATUSCODES: true,
    logger: false,
    onConnect(_session, callback) {
      if (greeting === undefined) return callback();
      callback(Object.assign(new Error('Too many connections'), { responseCode: greeting }));
    },
    onAuth(_auth, _session, callback) {
      callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
    },
    onMailFrom(address, _session, callback) {
      if (!address.address.startsWith('banned')) return callback();
      callback(Object.assign(new Error('Sender refused'), { responseCode: 550 }));
    },
    onRcptTo(address, _session, callback) {
      const refusals: Record<string, [number, string]> = {
        unknown: [550, 'No such mailbox'],
        gone: [553, 'Mailbox name not allowed'],
        deferred: [450, 'Mailbox busy, try again'],
        relay: [554, '5.7.1 Relaying denied'],
      };
      const refusal = refusals[address.address.split('@')[0] ?? ''];
      if (!refusal) return callback();
      callback(Object.assign(new Error(refusal[1]), { responseCode: refusal[0] }));
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  let url = '';
  const transports: Transport[] = [];
  /** A transport to this server (or `smtpUrl`) sending from `from`; closed after the tests. */
  const transport = (smtpUrl = url, from = FROM) => {
    const made = emailTransport(smtpUrl, from, 'frontdesk.test');
    transports.push(made);
    return made;
  };

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const made of transports) made.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('gives a recipient up only when RCPT TO refuses it for good', async () => {
    expect(await failure(transport(), 'unknown@shop.example', 'email')).toMatchObject({
      permanent: true,
      message: expect.stringContaining('550 No such mailbox'),
    });
    expect(await failure(transport(), 'gone@shop.example', 'email')).toMatchObject({
      permanent: true,
    });
    await expect(transport().send(message('email', 'boss@shop.example'))).resolves.toBe(undefined);
  });

  it('tries again when the server or our account with it is the trouble', async () => {
    const retried = { permanent: false, retryAfter: undefined };
    // A refused login fails every message alike: the password is wrong, not the recipient.
    const login = url.replace('smtp://', 'smtp://shop:wrong@');
    expect(await failure(transport(login), 'boss@shop.example', 'email')).toMatchObject({
      ...retried,
      message: expect.stringContaining('535 Authentication failed'),
    });
    expect(
      await failure(transport(url, 'banned@frontdesk.test'), 'boss@shop.example', 'email'),
    ).toMatchObject({ ...retried, message: expect.stringContaining('550 Sender refused') });
    expect(await failure(transport(), 'deferred@shop.example', 'email')).toMatchObject(retried);
    // Relaying denied (5.7.x) is about who sends through this server, not who receives.
    expect(await failure(transport(), 'relay@shop.example', 'email')).toMatchObject({
      ...retried,
      message: expect.stringContaining('554 5.7.1 Relaying denied'),
    });
    for (const code of [421, 554]) {
      greeting = code;
      try {
        expect(await failure(transport(), 'boss@shop.example', 'email')).toMatchObject({
          ...retried,
          message: expect.stringContaining(`${code} Too many connections`),
        });
      } finally {
        greeting = undefined;
      }
    }
  });
});
