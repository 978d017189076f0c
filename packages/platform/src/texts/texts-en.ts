/** What the platform writes to people, in English; its type is every language's (index.ts). */
import { plural } from '@frontdesk/config';

/** Every text of the platform's e-mails and SMS, in English. */
export const platformTextsEn = {
  order: {
    intro: (widget: string) => `A visitor asked to be called back through "${widget}".`,
    phone: 'Phone',
    name: 'Name',
    when: 'When',
    page: 'Page',
    referrer: 'Referrer',
    utm: 'UTM',
    ordered: 'Ordered',
    asap: 'as soon as possible',
    subject: (who: string) => `Callback order: ${who}`,
    sms: (who: string, when: string, widget: string) => `Callback ${who}, ${when}: ${widget}`,
    smsNow: 'now',
    notReachedSubject: (attempts: number, subject: string) =>
      `Not reached after ${plural('en', attempts, { one: '# call', other: '# calls' })}: ${subject}`,
    notReachedEmail: (attempts: number) =>
      `The platform called ${plural('en', attempts, { one: 'once', other: '# times' })} and could not connect this order. Please call the visitor back.`,
    notReachedSms: (body: string) => `Not reached: ${body}`,
  },
  chat: {
    name: 'Name',
    phone: 'Phone',
    email: 'E-mail',
    page: 'Page',
    sent: 'Sent',
    subject: (widget: string) => `Chat message out of hours: ${widget}`,
    batchSubject: (widget: string) => `Chat messages out of hours: ${widget} (the rest of an hour)`,
    batchOpening: (perHour: number) =>
      `One visitor wrote more than ${plural('en', perHour, { one: '# message', other: '# messages' })} within an hour; the rest of that hour follow, oldest first.`,
    batchFull: 'More messages followed within the hour; read them in the inbox.',
  },
  /** To the account's admins when the outbox gave a message up, or it is overdue. */
  alert: {
    email: (subject: string) => `The e-mail "${subject}"`,
    sms: 'The SMS',
    notDelivered: (what: string, recipient: string) =>
      `${what} to ${recipient} could not be delivered;`,
    gaveUp: (attempts: number) =>
      `the platform gave up after ${plural('en', attempts, { one: '# attempt', other: '# attempts' })}.`,
    stillTrying: (attempts: number) =>
      `${plural('en', attempts, { one: '# attempt', other: '# attempts' })} so far; the platform tries again every hour until it goes.`,
    lastError: (error: string | null) => `Last error: ${error ?? 'none recorded'}`,
    queued: (at: string) => `Queued: ${at}`,
    order: (id: string) => `About the callback order ${id}.`,
    listed:
      'Every undelivered message is listed in the outbox (GET /v1/admin/outbox?status=failed).',
    subject: (channel: 'email' | 'sms', recipient: string) =>
      `Undelivered ${channel === 'email' ? 'e-mail' : 'SMS'} to ${recipient}`,
  },
  embed: {
    subject: (widget: string) => `The code of the widget "${widget}" for the site`,
    add: (widget: string) => `Please add the widget "${widget}" to every page of the site.`,
    paste:
      "Paste the code just before </body>. The site must be one of the widget's allowed sites (set in the Studio).",
    label: 'The widget shows as a label at the edge of the screen. Label code:',
    button: 'Button code (the widget shows its own floating button):',
    link: (attribute: string) =>
      `Or the link code: no button of its own; any link or button of the site with the attribute ${attribute} opens the widget:`,
    test: (url: string) => `See the widget alone on a test page: ${url}`,
  },
};
