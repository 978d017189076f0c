/**
 * Everything the Facebook sandbox holds, in memory: the one app (its webhook as the Dashboard
 * set it), its pages and which of them subscribed the app, each page's threads, and the events
 * waiting for the webhook.
 */

import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import type { Clock } from '../clock';
import { ControlError, notFound, parseInput } from '../control-error';
import { MediaFiles } from '../media/media-files';
import type {
  FacebookApp,
  FacebookChatMessage,
  FacebookEvent,
  FacebookPage,
  FacebookPerson,
} from './facebook-model';

/** A thread of a page with one person. */
export interface FacebookThread {
  person: FacebookPerson;
  messages: FacebookChatMessage[];
  /** When the person last wrote (the 24-hour window counts from it). */
  lastCustomerAt?: number;
}

/** One page and everything it has. */
export interface PageState {
  page: FacebookPage;
  threads: Map<string, FacebookThread>;
  /** The fields the app subscribed to for this page (none: the page sends it nothing). */
  subscribedFields: string[];
}

const PageInput = v.object({
  name: v.pipe(v.string('name must be text'), v.trim(), v.minLength(1), v.maxLength(75)),
  username: v.pipe(
    v.string('username must be text'),
    v.regex(/^[A-Za-z0-9.]{5,50}$/, 'username must be 5–50 letters, digits or dots'),
  ),
  humanAgent: v.optional(v.boolean('humanAgent must be true or false')),
  /** A page of a known id and token (the demo's, the same at every start); else new ones. */
  id: v.optional(v.pipe(v.string('id must be text'), v.regex(/^\d{5,20}$/, 'id must be digits'))),
  token: v.optional(
    v.pipe(
      v.string('token must be text'),
      v.regex(/^[A-Za-z0-9_-]{20,300}$/, 'token must be a Page access token'),
    ),
  ),
});

/** A page, its id, username or token: whatever names a page in the control API. */
export type FacebookPageRef = FacebookPage | string;

/** The sandbox's Facebook, in memory. */
export class FacebookState {
  readonly app: FacebookApp;
  private readonly pages = new Map<string, PageState>();
  private readonly people = new Map<string, FacebookPerson>();
  private readonly listeners = new Set<(event: FacebookEvent) => void>();
  private nextPage = 104_000_000_000_001;
  private nextPsid = 7_300_000_000_000_001;
  private nextMid = 1;
  /** Events waiting for the app's webhook: the page and the messaging item. */
  readonly pending: { pageId: string; item: Record<string, unknown> }[] = [];
  kick?: () => void;
  /** The files people sent, served at their CDN URLs. */
  readonly files = new MediaFiles();

  constructor(
    readonly clock: Clock,
    app: { id?: string; secret?: string } = {},
  ) {
    this.app = {
      id: app.id ?? '880000000000001',
      secret: app.secret ?? randomBytes(16).toString('hex'),
    };
  }

  /** @throws {ControlError} 400 for bad input, 409 for a username taken. */
  createPage(input: unknown): FacebookPage {
    const { name, username, humanAgent, id, token } = parseInput(PageInput, input);
    if (this.find(username)) {
      throw new ControlError(409, 'taken', `A page is already @${username}.`, 'username');
    }
    if (id && this.pages.has(id)) {
      throw new ControlError(409, 'taken', `A page already has the id ${id}.`, 'id');
    }
    if (token && this.byToken(token)) {
      throw new ControlError(409, 'taken', 'The token is taken.', 'token');
    }
    const page: FacebookPage = {
      id: id ?? String(this.nextPage++),
      name,
      username,
      token: token ?? `EAAG${randomBytes(60).toString('base64url')}`,
      humanAgent: humanAgent ?? false,
    };
    this.pages.set(page.id, { page, threads: new Map(), subscribedFields: [] });
    return page;
  }

  allPages(): FacebookPage[] {
    return [...this.pages.values()].map((state) => state.page);
  }

  byToken(token: string): PageState | undefined {
    return [...this.pages.values()].find((state) => state.page.token === token);
  }

  byId(id: string): PageState | undefined {
    return this.pages.get(id);
  }

  /** @throws {ControlError} 404 for no such page. */
  page(ref: FacebookPageRef): PageState {
    const key = typeof ref === 'string' ? ref : ref.id;
    const state = this.find(key);
    if (!state) throw notFound(`page ${key}`, 'page');
    return state;
  }

  private find(ref: string): PageState | undefined {
    const lower = ref.toLowerCase();
    return [...this.pages.values()].find(
      (s) => s.page.id === ref || s.page.username.toLowerCase() === lower || s.page.token === ref,
    );
  }

  /** A person to play (with the `psid` of one made before: that one renamed). */
  person(input: { name: string; psid?: string }): FacebookPerson {
    const name = input.name?.trim();
    if (!name || name.length > 64) throw new ControlError(400, 'invalid', 'name: 1–64', 'name');
    if (input.psid !== undefined && !this.people.has(input.psid)) throw notFound('person', 'psid');
    const person = { psid: input.psid ?? String(this.nextPsid++), name };
    this.people.set(person.psid, person);
    return person;
  }

  /** @throws {ControlError} 404 for a person the sandbox never made. */
  knownPerson(psid: string): FacebookPerson {
    const person = this.people.get(psid);
    if (!person) throw notFound(`person ${psid}`, 'psid');
    return person;
  }

  thread(state: PageState, person: FacebookPerson): FacebookThread {
    let thread = state.threads.get(person.psid);
    if (!thread) {
      thread = { person, messages: [] };
      state.threads.set(person.psid, thread);
    }
    return thread;
  }

  newMid(): string {
    return `m_${String(this.nextMid++).padStart(6, '0')}${randomBytes(12).toString('base64url')}`;
  }

  /** Queues `item` for the app's webhook when the page subscribed the app to `field`. */
  queue(state: PageState, field: string, item: Record<string, unknown>): void {
    if (!state.subscribedFields.includes(field)) return;
    this.pending.push({ pageId: state.page.id, item });
    this.kick?.();
  }

  subscribe(listener: (event: FacebookEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: FacebookEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
