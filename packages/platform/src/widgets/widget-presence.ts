/**
 * Who can answer a widget now (`online` / `busy` / `nobody`; see @frontdesk/config's
 * presence.ts): the people its work goes to — a call widget's forwarding, an automatic
 * callback's addressee (every operator for manual mode, where any of them may take the order),
 * a chat's site receiver, and for a chat that takes orders (its callback tab, its lead
 * generator) the mode its orders are served in (orders/callback-mode.ts) — with a
 * console connected on any platform process. Calls and callbacks need someone free to talk:
 * they are `busy` while each of those people is in an answered call. An external number is
 * someone the platform cannot see; it counts as online.
 */
import type { CallbackSettings, Presence, PublicPresence, Receiver } from '@frontdesk/config';
import type { Namespace } from 'socket.io';
import { DEFAULT_TUNING } from '../calls';
import { receiverRoom } from '../chat';
import { orderRoutingOf } from '../orders';
import { answerersIn } from '../realtime/presence-lookup';
import type { Store } from '../storage/store';
import type { Widget } from './widget-records';

/**
 * No call lasts longer (Kamailio ends it): an older answered call is a lost end event. Read when
 * asked, not at load: the feature doors import each other (calls → chat → widgets → calls), so
 * `DEFAULT_TUNING` is not yet defined while this module is first evaluated.
 */
const longestCallMs = () => DEFAULT_TUNING.maxCallSeconds * 1000;

/** What the presence lookups need. */
export interface PresenceSources {
  ops: Namespace;
  store: Store;
  /** Epoch milliseconds now. */
  now: number;
}

/** The presence of the people behind `receiver` (null: every operator of the account). */
async function presenceOf(
  { ops, store, now }: PresenceSources,
  accountId: string,
  receiver: Receiver | null,
  talks: boolean,
): Promise<Presence> {
  const online = await answerersIn(ops, receiverRoom(accountId, receiver));
  if (online.size === 0) return 'nobody';
  if (!talks) return 'online';
  const inCall = new Set(await store.calls.operatorsInCall(accountId, now - longestCallMs()));
  return [...online].every((id) => inCall.has(id)) ? 'busy' : 'online';
}

/** Who calls back for a callback `mode`. */
function callbackPresence(
  sources: PresenceSources,
  accountId: string,
  mode: CallbackSettings['mode'],
): Promise<Presence> {
  if (mode.kind === 'manual') return presenceOf(sources, accountId, null, true);
  if (mode.addressee?.kind === 'external') return Promise.resolve('online');
  return presenceOf(sources, accountId, mode.addressee, true);
}

/** Who can answer `widget` now (see the module comment). */
export async function widgetPresence(
  sources: PresenceSources,
  widget: Pick<Widget, 'accountId' | 'settings'>,
): Promise<PublicPresence> {
  const { accountId, settings } = widget;
  switch (settings.type) {
    case 'call': {
      // A number (forwarded to, or the fallback) answers whoever is online.
      if (settings.forwarding?.kind === 'external' || settings.fallback.kind === 'external') {
        return { presence: 'online' };
      }
      return { presence: await presenceOf(sources, accountId, settings.forwarding, true) };
    }
    case 'callback':
      return { presence: await callbackPresence(sources, accountId, settings.mode) };
    case 'chat': {
      const presence = await presenceOf(sources, accountId, settings.channels.site.receiver, false);
      const orders = orderRoutingOf(settings);
      if (!orders) return { presence };
      return { presence, callback: await callbackPresence(sources, accountId, orders.mode) };
    }
  }
}
