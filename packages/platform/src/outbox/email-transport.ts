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
        // 5xx: the server refused this message for good; anything else may pass later.
        const code = (error as { responseCode?: unknown }).responseCode;
        const permanent = typeof code === 'number' && code >= 500;
        throw new SendError(`SMTP: ${(error as Error).message}`, permanent);
      }
    },
    close() {
      mailer.close();
    },
  };
}
