/**
 * The sandbox's Facebook: the Graph API on a listener of its own, the one app whose webhook the
 * "App Dashboard" (the control API) sets after the GET verification, its pages, the signed
 * event deliveries, and what tests do as people and as the service's faults.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { createApiListener, type Outage } from '../api-listener';
import type { Clock } from '../clock';
import { ControlError } from '../control-error';
import type { CustomerMedia } from '../media/customer-media';
import { registerMediaRoute } from '../media/media-route';
import { startPostLoop } from '../post-loop';
import { waitForEvent as waitFor } from '../wait-for-event';
import { isHttps, webhookAgent } from '../webhook-post';
import { registerFacebookControl } from './facebook-control-routes';
import { personOpens, personTaps, personWrites } from './facebook-customer';
import { registerGraphApi } from './facebook-graph';
import { personSendsMedia } from './facebook-media';
import type {
  FacebookChatMessage,
  FacebookEvent,
  FacebookPage,
  FacebookPerson,
} from './facebook-model';
import { type FacebookPageRef, FacebookState } from './facebook-state';
import { verifyCallback } from './facebook-verify';

/** How the sandbox's Facebook runs. */
export interface FacebookOptions {
  port?: number;
  /** The app: its id and secret (made up unless given). */
  app?: { id?: string; secret?: string };
  deliveryRetry?: { firstMs?: number; maxMs?: number };
}

/** The most events one webhook request carries. */
const MAX_BATCH = 100;

/** The signature Facebook puts on `body`: `sha256=` and the hex HMAC keyed with the app secret. */
export function facebookSignature(body: string, appSecret: string): string {
  return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** The sandbox's Facebook, for tests and the control API. */
export interface FacebookSandbox {
  /** FACEBOOK_GRAPH_URL: calls go to `<graphUrl>/<version>/…`. */
  readonly graphUrl: string;
  /** The app (FACEBOOK_APP_ID, FACEBOOK_APP_SECRET). */
  readonly app: { id: string; secret: string };
  /** Where `m.me/<page>?ref=<ref>` lands here: `<linkBase>/<page>?ref=<ref>`. */
  readonly linkBase: string;
  faults: {
    down(outage: Outage): Promise<void>;
    up(): Promise<void>;
    /** The Send API answers 613 until the sandbox's clock passes `seconds` from now. */
    rateLimit(seconds: number): void;
    /** The person is "not available right now" (551). */
    unavailable(psid: string): void;
    clear(): Promise<void>;
  };
  /**
   * The Dashboard's "Edit callback URL": the GET verification first (the challenge must come
   * back), then the app's events go there.
   * @throws {ControlError} 400 when the URL does not verify.
   */
  setWebhook(callbackUrl: string, verifyToken: string): Promise<void>;
  /** A new page; its id and token are made unless given (the demo's, the same at every start). */
  createPage(input: {
    name: string;
    username: string;
    humanAgent?: boolean;
    id?: string;
    token?: string;
  }): FacebookPage;
  person(input: { name: string; psid?: string }): FacebookPerson;
  write(page: FacebookPageRef, person: FacebookPerson, text: string): FacebookChatMessage;
  /** The person sends a photo, a file, a sticker, a location or a voice message. */
  send(page: FacebookPageRef, person: FacebookPerson, media: CustomerMedia): FacebookChatMessage;
  tap(page: FacebookPageRef, psid: string, payload: string): FacebookChatMessage;
  open(page: FacebookPageRef, person: FacebookPerson, ref?: string): void;
  messages(page: FacebookPageRef, psid: string): FacebookChatMessage[];
  subscribedFields(page: FacebookPageRef): string[];
  /** Events waiting for the webhook (of `page` only, if given). */
  pending(page?: FacebookPageRef): number;
  subscribe(listener: (event: FacebookEvent) => void): () => void;
  waitForEvent(
    match: (event: FacebookEvent) => boolean,
    timeoutMs?: number,
  ): Promise<FacebookEvent>;
}

export interface RunningFacebook extends FacebookSandbox {
  close(): Promise<void>;
}

export interface FacebookSetup {
  host: string;
  clock: Clock;
  caFile?: string;
  front: FastifyInstance;
  frontUrl: () => string;
}

/** Starts Facebook's Graph API and its deliveries. */
export async function startFacebook(
  setup: FacebookSetup,
  options: FacebookOptions = {},
): Promise<RunningFacebook> {
  const facebook = new FacebookState(setup.clock, options.app);
  const listener = createApiListener(setup.host, options.port ?? 0);
  let limitedUntil = Number.NEGATIVE_INFINITY;
  const unavailable = new Set<string>();
  registerGraphApi(listener.app, {
    facebook,
    rateLimited: () => setup.clock().getTime() < limitedUntil,
    unavailable,
  });
  registerMediaRoute(listener.app, facebook.files);
  const graphUrl = await listener.start();
  let stopDeliveries: (() => void) | undefined;
  /** The events of the request in flight. */
  let batch: FacebookState['pending'] = [];
  const deliver = (url: string) => {
    stopDeliveries?.();
    stopDeliveries = startPostLoop(
      {
        ...(setup.caFile ? { caFile: setup.caFile } : {}),
        retry: {
          firstMs: options.deliveryRetry?.firstMs ?? 1000,
          maxMs: options.deliveryRetry?.maxMs ?? 30_000,
        },
        timeoutMs: 20_000,
        isDown: () => listener.outage !== undefined,
      },
      {
        // Facebook batches: what waits goes in one request, an entry per event, in order.
        next: () => {
          batch = facebook.pending.slice(0, MAX_BATCH);
          if (batch.length === 0) return undefined;
          const time = setup.clock().getTime();
          const body = JSON.stringify({
            object: 'page',
            entry: batch.map(({ pageId, item }) => ({ id: pageId, time, messaging: [item] })),
          });
          return {
            url,
            body,
            headers: { 'x-hub-signature-256': facebookSignature(body, facebook.app.secret) },
          };
        },
        delivered: () => {
          for (const done of facebook.pending.splice(0, batch.length)) {
            const mid = ((done.item.message ?? done.item.postback) as { mid?: string } | undefined)
              ?.mid;
            facebook.emit({ type: 'webhook-delivered', page: done.pageId, mid: mid ?? '' });
          }
        },
        failed: (message) =>
          facebook.emit({
            type: 'webhook-error',
            page: facebook.pending[0]?.pageId ?? '',
            message,
          }),
        onKick: (kick) => {
          facebook.kick = kick;
        },
      },
    );
  };
  listener.onUp(() => facebook.kick?.());
  const sandbox: RunningFacebook = {
    graphUrl,
    app: { id: facebook.app.id, secret: facebook.app.secret },
    get linkBase() {
      return `${setup.frontUrl()}/facebook`;
    },
    faults: {
      down: (outage) => listener.down(outage),
      up: () => listener.up(),
      rateLimit(seconds) {
        limitedUntil = setup.clock().getTime() + seconds * 1000;
      },
      unavailable: (psid) => unavailable.add(psid),
      async clear() {
        limitedUntil = Number.NEGATIVE_INFINITY;
        unavailable.clear();
        if (listener.outage) await listener.up();
      },
    },
    async setWebhook(callbackUrl, verifyToken) {
      if (!isHttps(callbackUrl)) {
        throw new ControlError(400, 'invalid', 'The callback URL must be https.', 'callbackUrl');
      }
      const agent = await webhookAgent(setup.caFile);
      if (typeof agent === 'string') throw new ControlError(400, 'invalid', agent, 'callbackUrl');
      try {
        await verifyCallback(callbackUrl, verifyToken, randomBytes(8).toString('hex'), agent);
      } finally {
        agent.destroy();
      }
      facebook.app.callbackUrl = callbackUrl;
      facebook.app.verifyToken = verifyToken;
      deliver(callbackUrl);
    },
    createPage: (input) => facebook.createPage(input),
    person: (input) => facebook.person(input),
    write: (page, person, text) => personWrites(facebook, facebook.page(page), person, text),
    send: (page, person, media) =>
      personSendsMedia(facebook, facebook.page(page), person, media, graphUrl),
    tap: (page, psid, payload) => personTaps(facebook, facebook.page(page), psid, payload),
    open: (page, person, ref) => personOpens(facebook, facebook.page(page), person, ref),
    messages: (page, psid) => [...(facebook.page(page).threads.get(psid)?.messages ?? [])],
    subscribedFields: (page) => [...facebook.page(page).subscribedFields],
    pending: (page) => {
      const id = page === undefined ? undefined : facebook.page(page).page.id;
      return facebook.pending.filter((event) => id === undefined || event.pageId === id).length;
    },
    subscribe: (l) => facebook.subscribe(l),
    waitForEvent: (match, timeoutMs = 10_000) =>
      waitFor((l) => facebook.subscribe(l), match, timeoutMs, 'Facebook'),
    async close() {
      stopDeliveries?.();
      await listener.close();
    },
  };
  registerFacebookControl(setup.front, sandbox, facebook);
  return sandbox;
}
