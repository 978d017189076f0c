/**
 * A real SMTP receiver on loopback (smtp-server) that keeps every mail it accepts: the platform's
 * outbox tests and the end-to-end journeys check what actually went over the wire with it.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the receiver got it: the envelope's recipients and the raw message. */
export interface ReceivedMail {
  to: string[];
  data: string;
}

/** An SMTP receiver that can be started and stopped again (to play a mail server that is down). */
export interface SmtpReceiver {
  /** Every mail accepted so far, in order, across restarts. */
  mails: ReceivedMail[];
  /** Starts listening; resolves to its `smtp://` URL (what `SMTP_URL` takes). */
  start(): Promise<string>;
  /** Stops listening (nothing when it is not running). */
  stop(): Promise<void>;
}

/**
 * An SMTP receiver on 127.0.0.1 at `port` (0: a free one, picked at each start), without TLS or
 * authentication, that refuses `bounce…@` recipients for good (550) so the outbox's handling of
 * a permanent refusal can be seen. Each start makes a new server: a closed smtp-server cannot
 * listen again.
 */
export function smtpReceiver(port = 0): SmtpReceiver {
  const mails: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  return {
    mails,
    start: () =>
      new Promise<string>((resolve) => {
        const started = new SMTPServer({
          authOptional: true,
          disabledCommands: ['STARTTLS', 'AUTH'],
          logger: false,
          onRcptTo(address, _session, callback) {
            if (address.address.startsWith('bounce')) {
              return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
            }
            callback();
          },
          onData(stream, session, callback) {
            let data = '';
            stream.on('data', (chunk: Buffer) => {
              data += chunk.toString('utf8');
            });
            stream.on('end', () => {
              mails.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
              callback();
            });
          },
        });
        server = started;
        started.listen(port, '127.0.0.1', () => {
          const { port: listening } = started.server.address() as AddressInfo;
          resolve(`smtp://127.0.0.1:${listening}`);
        });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server = undefined;
      }),
  };
}

/**
 * A received mail's subject and text as a person reads them. Nodemailer writes non-ASCII UTF-8
 * as RFC 2047 `B` words in headers and a base64 body; ASCII stays as it is.
 */
export function readMail(data: string): { subject: string; text: string } {
  const split = data.search(/\r?\n\r?\n/);
  const head = data.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = data.slice(split).trim();
  const header = (name: string) =>
    head.match(new RegExp(`^${name}: (.*)$`, 'im'))?.[1]?.trim() ?? '';
  const subject = header('Subject')
    // Whitespace between two encoded words is not part of the text (RFC 2047 §6.2).
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?b\?([^?]*)\?=/gi, (_, word: string) =>
      Buffer.from(word, 'base64').toString('utf8'),
    );
  const base64 = /base64/i.test(header('Content-Transfer-Encoding'));
  return { subject, text: base64 ? Buffer.from(body, 'base64').toString('utf8') : body };
}
