import { createTransport } from 'nodemailer';
import { SendError, type Transport } from './transport';

/**
 * E-mail over SMTP (`SMTP_URL`, e.g. `smtp://user:pass@host:587` or `smtps://…`) with nodemailer.
 * Each message's Message-ID is derived from its outbox id, so in the one case the outbox may
 * send twice (a crash between the server's "250 OK" and our record of it) the copies carry the
 * same id and mail systems can tell them apart as one message.
 */
export function emailTransport(smtpUrl: string, from: string, domain: string): Transport {
  // Short timeouts: a claim lasts a lease (see workers.ts); a hung server must fail well before.
  const mailer = createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(message) {
      try {
        await mailer.sendMail({
          from,
          to: message.recipient,
          subject: message.subject ?? '',
          text: message.body,
          messageId: `<${message.id}@${domain}>`,
        });
      } catch (error) {
        throw new SendError(`SMTP: ${(error as Error).message}`, refusesRecipient(error));
      }
    },
    close() {
      mailer.close();
    },
  };
}

/**
 * Whether nodemailer's `error` is the server refusing this recipient for good: a 5xx to RCPT TO
 * (an unknown mailbox, a domain it does not take). Nothing else is: a refused login (EAUTH 535),
 * no connection, a timeout, a refused greeting or sender, a 4xx, and a 5.7.x to RCPT TO
 * (relaying denied, authentication required) are the server's or our configuration of it, and
 * pass once they are fixed.
 */
function refusesRecipient(error: unknown): boolean {
  const { code, command, responseCode, response } = error as {
    code?: unknown;
    command?: unknown;
    responseCode?: unknown;
    response?: unknown;
  };
  return (
    code === 'EENVELOPE' &&
    command === 'RCPT TO' &&
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    !/^5\d\d[ -]5\.7\./.test(String(response))
  );
}
