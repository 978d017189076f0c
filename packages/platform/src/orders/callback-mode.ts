import type { CallbackSettings, WidgetSettings } from '@frontdesk/config';

/** How a widget's callback orders are served: automatic or manual, with their settings. */
export type CallbackMode = CallbackSettings['mode'];

/** Who is told of a new order: one e-mail per address, one SMS per number. */
export interface OrderRecipients {
  emails: readonly string[];
  smsNumbers: readonly string[];
}

/** How a widget's orders are served, and who is told of each. */
export interface OrderRouting {
  mode: CallbackMode;
  notify: OrderRecipients;
}

const nobody: OrderRecipients = { emails: [], smsNumbers: [] };

/** A mode's own routing: manual mode tells its staff, automatic mode rings and tells nobody. */
function routingOf(mode: CallbackMode): OrderRouting {
  return { mode, notify: mode.kind === 'manual' ? mode : nobody };
}

/**
 * How a widget takes callback orders: a callback widget in its own mode; a chat in its callback
 * tab's mode when that channel is on, else by its lead generator's settings (automatic to its
 * handler, from its company number, never abroad — a new callback widget's default — telling its
 * e-mails and numbers). Undefined when the widget takes no orders (a call widget, a chat with
 * neither).
 */
export function orderRoutingOf(settings: WidgetSettings): OrderRouting | undefined {
  if (settings.type === 'callback') return routingOf(settings.mode);
  if (settings.type !== 'chat') return undefined;
  const { callback, leadGeneration } = settings.channels;
  if (callback?.enabled) return routingOf(callback.mode);
  if (leadGeneration?.enabled) {
    return {
      mode: {
        kind: 'automatic',
        addressee: leadGeneration.handler,
        outgoingNumber: leadGeneration.companyNumber,
        directions: { local: true, national: true, international: false },
      },
      notify: { emails: leadGeneration.notifyEmails, smsNumbers: leadGeneration.notifyPhones },
    };
  }
  return undefined;
}
