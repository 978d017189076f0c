/**
 * The messenger channels of one platform process: the pollers of the bots it may read (each
 * polls only while this process holds its lease), the replies' outbox pass and the pass that
 * fetches the customers' attachments. Every process
 * runs one; the database decides who polls and who sends what.
 */
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Namespace } from 'socket.io';
import type { Clock } from '../../clock';
import type { Store } from '../../storage/store';
import type { ChatFeed } from '../feed';
import { announceStored } from './announce-stored';
import { attachmentFeed } from './attachments/attachment-feed';
import { attachmentFetchers } from './attachments/attachment-fetchers';
import { fetchAttachments } from './attachments/fetch-attachments';
import { channelAdapters } from './channel-adapters';
import { deliveryFeed } from './channel-feed';
import { deliverReplies } from './deliver-replies';
import { keepFacebookSubscription } from './facebook/facebook-keeper';
import { facebookPages } from './facebook/facebook-pages';
import { facebookWebhookUrl } from './facebook/facebook-webhook';
import { skipUpdate } from './leases';
import { isChat, type TelegramBotEntry, telegramBots } from './telegram/telegram-bots';
import {
  DEFAULT_POLLER_TUNING,
  type PollerEvent,
  type PollerTuning,
  startTelegramPoller,
  type TelegramPoller,
} from './telegram/telegram-poller';
import { receiveTelegramUpdate } from './telegram/telegram-receive';
import { telegramWebhookUrl } from './telegram/telegram-webhook';
import { viberBots } from './viber/viber-bots';
import { viberWebhookUrl } from './viber/viber-webhook';
import { keepViberWebhook } from './viber/viber-webhook-keeper';
import { vkCallbackUrl } from './vk/vk-callback';
import { keepVkCallback } from './vk/vk-callback-keeper';
import { type VkCommunityEntry, vkCommunities } from './vk/vk-communities';
import { readVkUpdate } from './vk/vk-event';
import { vkLongPoll } from './vk/vk-long-poll';
import { vkUserName } from './vk/vk-profile';
import { receiveVkEvent } from './vk/vk-receive';

/** The channels' timings: the pollers', and how often the workers' pass looks for new bots. */
export interface ChannelTuning extends PollerTuning {
  /** Real-time milliseconds between two looks at the widgets from the workers' pass. */
  refreshMs: number;
}

/** Production timings. */
export const DEFAULT_CHANNEL_TUNING: ChannelTuning = {
  ...DEFAULT_POLLER_TUNING,
  refreshMs: 10_000,
};

/**
 * The pollers' lease of `leaseMs` (CHANNEL_LEASE_MS) and a long poll that always ends well inside
 * it: Telegram's 25 s at most, under half the lease.
 */
export function leaseTuning(
  leaseMs: number,
): Pick<ChannelTuning, 'leaseMs' | 'pollTimeoutSeconds'> {
  return { leaseMs, pollTimeoutSeconds: Math.min(25, Math.max(1, Math.floor(leaseMs / 2_400))) };
}

/** The channels of a running platform. */
export interface Channels {
  /** Starts the pollers of bots connected since, stops those of bots gone or changed. */
  refresh(): Promise<void>;
  /** {@link refresh}, unless one ran in the last `refreshMs` (the workers' pass calls it). */
  refreshDue(): Promise<void>;
  /** This process's pollers (polling or waiting for the lease). */
  pollers(): TelegramPoller[];
  /** Calls `listener` with every poller event; returns the unsubscribe. */
  subscribe(listener: (event: PollerEvent) => void): () => void;
  /** One pass of the replies' outbox; how many attempts it made. */
  deliver(): Promise<number>;
  /** One pass of the customers' attachments waiting to be fetched; how many attempts it made. */
  fetchAttachments(): Promise<number>;
  /** Stops the pollers and lets their leases go. */
  stop(): Promise<void>;
}

/** What the channels need of the platform. */
export interface ChannelsSetup {
  store: Store;
  clock: Clock;
  /** TELEGRAM_API_URL. */
  telegramApiUrl: string;
  /** VIBER_API_URL. */
  viberApiUrl: string;
  /** VK_API_URL. */
  vkApiUrl: string;
  /** FACEBOOK_GRAPH_URL. */
  facebookGraphUrl: string;
  /** WEBHOOK_URL, read when a webhook is set: webhooks go to its routes (https for Telegram). */
  webhookUrl(): string;
  chatFeed: ChatFeed;
  /** The site chat's per-visitor message limit, which customers in messengers share. */
  limiter: RateLimiterAbstract;
  ops: Namespace;
  /** The largest customer's file fetched (ATTACHMENT_MAX_BYTES). */
  attachmentMaxBytes: number;
  /** Who this process is, in leases and claims; claims older than `leaseMs` are taken over. */
  claim: { by: string; leaseMs: number };
  tuning: ChannelTuning;
}

/** Starts the channels of one process (no poller until the first refresh). */
export function startChannels(setup: ChannelsSetup): Channels {
  const { store, clock, tuning } = setup;
  const adapters = channelAdapters(store, setup);
  const fetchers = attachmentFetchers(store, setup);
  const pollers = new Map<string, TelegramPoller>();
  const listeners = new Set<(event: PollerEvent) => void>();
  const emit = (event: PollerEvent) => {
    for (const listener of listeners) listener(event);
  };
  const deps = { store, clock, feed: setup.chatFeed, limiter: setup.limiter };
  let lastRefresh = Number.NEGATIVE_INFINITY;
  let refreshing: Promise<void> | undefined;
  let stopped = false;

  const startPoller = ({ credential, token, widget, mode }: TelegramBotEntry) =>
    startTelegramPoller(
      {
        store,
        clock,
        apiUrl: setup.telegramApiUrl,
        holder: setup.claim.by,
        tuning,
        emit,
        async receive(update, guard) {
          // The widget as it is now: a marketer may change its routing at any time.
          const now = await store.widgets.get(widget.id);
          if (!now || !isChat(now)) {
            await skipUpdate(store.channels.inbound, guard, clock().getTime());
            return;
          }
          await receiveTelegramUpdate(
            deps,
            { credential, widget: now, bot: { apiUrl: setup.telegramApiUrl, token } },
            update,
            guard,
          );
        },
        announce: async () => {
          await announceStored(deps, credential, 'telegram');
        },
      },
      {
        credential,
        token,
        widgetId: widget.id,
        mode,
        webhookUrl: telegramWebhookUrl(setup.webhookUrl(), credential),
      },
    );

  /**
   * A Viber bot's or a Facebook page's lease loop: it only keeps the webhook (Viber's) or the
   * page's subscription of the app (Facebook's); neither has polling.
   */
  const startKept = ({ credential, token, widget }: TelegramBotEntry) => {
    const facebook = credential.startsWith('facebook:');
    return startTelegramPoller(
      {
        store,
        clock,
        apiUrl: facebook ? setup.facebookGraphUrl : setup.viberApiUrl,
        holder: setup.claim.by,
        tuning,
        emit,
        receive: async () => {
          throw new Error('Viber has no polling.');
        },
        announce: async () => undefined,
      },
      {
        credential,
        token,
        widgetId: widget.id,
        mode: 'webhook',
        webhookUrl: facebook
          ? facebookWebhookUrl(setup.webhookUrl())
          : viberWebhookUrl(setup.webhookUrl(), credential),
        keep: facebook ? keepFacebookSubscription : keepViberWebhook,
      },
    );
  };

  /**
   * A VK community's lease loop: its Bots Long Poll (vk-long-poll.ts), or in Callback API mode
   * its callback server kept (vk-callback-keeper.ts).
   */
  const startVk = ({ credential, token, widget, mode }: VkCommunityEntry) => {
    const api = { apiUrl: setup.vkApiUrl, token };
    return startTelegramPoller(
      {
        store,
        clock,
        apiUrl: setup.vkApiUrl,
        holder: setup.claim.by,
        tuning,
        emit,
        receive: async () => {
          throw new Error('VK is read by its own long poll.');
        },
        announce: async () => {
          await announceStored(deps, credential, 'vk');
        },
      },
      {
        credential,
        token,
        widgetId: widget.id,
        mode: mode === 'callback' ? 'webhook' : 'polling',
        webhookUrl: vkCallbackUrl(setup.webhookUrl(), credential),
        keep: keepVkCallback,
        poll: vkLongPoll({
          async receive(update, guards) {
            // The widget as it is now: a marketer may change its routing at any time.
            const now = await store.widgets.get(widget.id);
            if (!now || !isChat(now)) {
              await skipUpdate(store.channels.inbound, guards.move, clock().getTime());
              return;
            }
            await receiveVkEvent(
              deps,
              { credential, widget: now },
              readVkUpdate(update),
              guards,
              (userId) => vkUserName(api, userId),
            );
          },
        }),
      },
    );
  };

  const refreshNow = async () => {
    lastRefresh = performance.now();
    const bots = await telegramBots(store);
    for (const [credential, bot] of await viberBots(store)) {
      bots.set(credential, { ...bot, mode: 'webhook' });
    }
    for (const [credential, page] of await facebookPages(store)) {
      bots.set(credential, { ...page, mode: 'webhook' });
    }
    const communities = await vkCommunities(store);
    for (const [credential, community] of communities) {
      bots.set(credential, {
        ...community,
        mode: community.mode === 'callback' ? 'webhook' : 'polling',
      });
    }
    for (const [credential, poller] of pollers) {
      const bot = bots.get(credential);
      const same = bot?.token === poller.token && bot.widget.id === poller.widgetId;
      if (same && bot.mode === poller.mode) continue;
      pollers.delete(credential);
      await poller.stop();
    }
    for (const bot of bots.values()) {
      if (stopped || pollers.has(bot.credential)) continue;
      const community = communities.get(bot.credential);
      const start = bot.credential.startsWith('telegram:') ? startPoller : startKept;
      pollers.set(bot.credential, community ? startVk(community) : start(bot));
    }
  };
  const refresh = () => {
    refreshing ??= refreshNow().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };

  return {
    refresh,
    async refreshDue() {
      if (performance.now() - lastRefresh >= tuning.refreshMs) await refresh();
    },
    pollers: () => [...pollers.values()],
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    deliver: () =>
      deliverReplies({
        store,
        clock,
        adapters,
        claim: setup.claim,
        told: deliveryFeed(setup.ops, store),
      }),
    fetchAttachments: () =>
      fetchAttachments({
        store,
        clock,
        fetchers,
        maxBytes: setup.attachmentMaxBytes,
        claim: setup.claim,
        told: attachmentFeed(setup.ops, store),
      }),
    async stop() {
      stopped = true;
      await refreshing?.catch(() => undefined);
      await Promise.all([...pollers.values()].map((poller) => poller.stop()));
      pollers.clear();
    },
  };
}
