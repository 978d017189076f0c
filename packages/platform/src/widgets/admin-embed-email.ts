/**
 * `POST /v1/admin/widgets/:id/embed-email`: the Studio e-mails a widget's code for the site, with
 * instructions, to a developer — queued in the outbox like every e-mail of the platform.
 */

import type { TextLocale } from '@frontdesk/config';
import * as v from 'valibot';
import { requireUser } from '../accounts';
import type { AppContext } from '../context';
import { consumePoint } from '../http/rate-limits';
import { IdParams, type PlatformApp, routeSchema } from '../http/route-schema';
import { accountLanguage, platformTexts } from '../texts';
import { embedCodes, ownWidget } from './admin-widgets';
import type { Widget } from './widget-records';

const EmailBody = v.object({
  email: v.pipe(
    v.string(),
    v.trim(),
    v.email('Give a valid e-mail address.'),
    v.maxLength(254),
    // It goes into a mail header: no line breaks.
    v.regex(/^[^\r\n]*$/, 'Give a valid e-mail address.'),
  ),
});

/**
 * The e-mail's text in `language` (the account's): what to paste where, the codes of the widget's
 * format, the test page.
 */
export function embedEmail(
  ctx: AppContext,
  widget: Widget,
  language: TextLocale,
): { subject: string; body: string } {
  const t = platformTexts[language].embed;
  const codes = embedCodes(ctx, widget);
  const label =
    widget.settings.type === 'callback' && widget.settings.appearance.callFormat === 'label';
  const parts = label
    ? [t.label, codes.label]
    : [t.button, codes.button, t.link(codes.linkAttribute), codes.link];
  return {
    subject: t.subject(widget.name),
    body: [
      t.add(widget.name),
      t.paste,
      '',
      ...parts.flatMap((part) => [part, '']),
      t.test(codes.testUrl),
    ].join('\n'),
  };
}

/**
 * Registers `POST /v1/admin/widgets/:id/embed-email` (admins and marketers), limited per user and
 * per account: it sends mail to any address, so a stolen session must not make it a spam relay.
 */
export function registerAdminEmbedEmail(app: PlatformApp, ctx: AppContext): void {
  app.post(
    '/v1/admin/widgets/:id/embed-email',
    { schema: { tags: ['admin'], params: routeSchema(IdParams), body: routeSchema(EmailBody) } },
    async (request, reply) => {
      const { user } = await requireUser(ctx, request, ['admin', 'marketer']);
      const widget = await ownWidget(ctx, user.accountId, request.params.id);
      const { email } = request.body;
      await consumePoint(ctx.limiters.embedEmailsByUser, user.id, EMAILS);
      await consumePoint(ctx.limiters.embedEmailsByAccount, user.accountId, EMAILS);
      const { subject, body } = embedEmail(
        ctx,
        widget,
        await accountLanguage(ctx.store, user.accountId),
      );
      await ctx.store.outbox.queue({
        accountId: user.accountId,
        kind: 'embed',
        messages: [{ channel: 'email', recipient: email, subject, body }],
        now: ctx.clock().getTime(),
      });
      return reply.code(202).send({ queued: true });
    },
  );
}

/** What the embed-email limits count, for their 429 message. */
const EMAILS = 'embed-code e-mails';
