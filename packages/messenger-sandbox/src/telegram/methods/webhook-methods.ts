/**
 * setWebhook, deleteWebhook and getWebhookInfo. A webhook URL must be https (and, where the
 * sandbox is told Telegram's ports, on one of them); a secret_token of up to 256 characters of
 * A–Z, a–z, 0–9, _ and - comes back in X-Telegram-Bot-Api-Secret-Token. Setting one ends a
 * waiting getUpdates with 409 "terminated by setWebhook request".
 */
import type { WebhookInfo } from '@grammyjs/types';
import { badRequest, conflict } from '../api-error';
import { allowedUpdates } from './allowed-updates';
import { clamp, Described, type MethodCall } from './method-call';

const DEFAULT_MAX_CONNECTIONS = 40;

function webhookUrl(url: string, ports: readonly number[] | undefined): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest('invalid webhook URL specified');
  }
  if (parsed.protocol === 'http:') {
    throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
  }
  if (parsed.protocol !== 'https:') throw badRequest('invalid webhook URL specified');
  if (ports && !ports.includes(Number(parsed.port || 443))) {
    throw badRequest('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
  }
  return url;
}

function secretToken(value: string): string | undefined {
  if (value.length > 256) throw badRequest('secret token is too long');
  if (!/^[A-Za-z0-9_-]*$/.test(value)) {
    throw badRequest('secret token contains unallowed characters');
  }
  return value || undefined;
}

/** deleteWebhook, and setWebhook with an empty URL. */
export function deleteWebhook({ state, params, webhooks }: MethodCall): Described {
  if (params.flag('drop_pending_updates')) state.queue.dropAll();
  if (!state.webhook) return new Described(true, 'Webhook is already deleted');
  state.webhook = undefined;
  webhooks.stop(state);
  return new Described(true, 'Webhook was deleted');
}

export function setWebhook(call: MethodCall): Described {
  const { state, params, webhooks } = call;
  const given = params.string('url') ?? '';
  if (given === '') return deleteWebhook(call);
  const url = webhookUrl(given, call.webhookPorts);
  const secret = secretToken(params.string('secret_token') ?? '');
  const maxConnections = clamp(
    params.integer('max_connections') ?? DEFAULT_MAX_CONNECTIONS,
    1,
    100,
  );
  const ipAddress = params.string('ip_address') || undefined;
  const drop = params.flag('drop_pending_updates');
  state.queue.setAllowed(allowedUpdates(params));
  const current = state.webhook;
  if (
    current?.url === url &&
    current.secretToken === secret &&
    current.maxConnections === maxConnections &&
    current.ipAddress === ipAddress &&
    !drop
  ) {
    return new Described(true, 'Webhook is already set');
  }
  state.longPoll?.abort(conflict('terminated by setWebhook request'));
  if (drop) state.queue.dropAll();
  state.webhook = {
    url,
    maxConnections,
    ...(secret ? { secretToken: secret } : {}),
    ...(ipAddress ? { ipAddress } : {}),
  };
  webhooks.restart(state);
  return new Described(true, 'Webhook was set');
}

export function getWebhookInfo({ state }: MethodCall): WebhookInfo {
  const webhook = state.webhook;
  const allowed = state.queue.allowedUpdates;
  return {
    url: webhook?.url ?? '',
    has_custom_certificate: false,
    pending_update_count: state.queue.pending,
    ...(webhook?.ipAddress ? { ip_address: webhook.ipAddress } : {}),
    ...(webhook?.lastErrorDate
      ? { last_error_date: webhook.lastErrorDate, last_error_message: webhook.lastErrorMessage }
      : {}),
    ...(webhook ? { max_connections: webhook.maxConnections } : {}),
    ...(webhook && allowed.length > 0 ? { allowed_updates: [...allowed] } : {}),
  };
}
