/**
 * The Graph API's Messenger Platform part at `<graphUrl>/<version>/…`, as developers.facebook.com
 * documents it: the Send API `POST /me/messages` (text up to 2,000 characters, quick replies,
 * `sender_action: typing_on`; the 24-hour window, and the HUMAN_AGENT tag up to 7 days for a page
 * with that permission), `POST|GET /{page-id}/subscribed_apps` and the User Profile API
 * `GET /{psid}?fields=first_name,last_name` (a person who wrote to the page; `name` and `id`
 * without `fields`). The Page access token comes
 * as `access_token` (query or body). Errors are HTTP 400 `{ error: { message, type, code,
 * error_subcode?, fbtrace_id } }`: 190 a token it does not take, 100 a bad parameter (2018001 no
 * such person), 10/2018278 outside the window, 551 the person is not available, 613 rate limit.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FacebookState, PageState } from './facebook-state';

/** The most one text message holds. */
export const MAX_FACEBOOK_TEXT = 2000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** A Graph API refusal. */
class GraphError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly subcode?: number,
    readonly type = 'OAuthException',
  ) {
    super(message);
  }
}

/** What the Graph API needs besides the state. */
export interface GraphSetup {
  facebook: FacebookState;
  /** Whether sending is rate-limited now (613). */
  rateLimited(): boolean;
  /** PSIDs who are "not available right now" (551): blocked the page, deactivated. */
  unavailable: Set<string>;
}

type Body = Record<string, unknown>;

/** Registers the routes on the API's listener. */
export function registerGraphApi(app: FastifyInstance, setup: GraphSetup): void {
  const { facebook } = setup;
  const pageOf = (request: { query: unknown; body: unknown }): PageState => {
    const token =
      (request.query as Body | undefined)?.access_token ??
      (request.body as Body | undefined)?.access_token;
    const state = typeof token === 'string' ? facebook.byToken(token) : undefined;
    if (!state) throw new GraphError(190, 'Invalid OAuth access token - Cannot parse access token');
    return state;
  };
  const answer = async (reply: FastifyReply, run: () => unknown) => {
    try {
      return reply.send(await run());
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      return reply.code(400).send({
        error: {
          message: error.message,
          type: error.type,
          code: error.code,
          ...(error.subcode ? { error_subcode: error.subcode } : {}),
          fbtrace_id: randomBytes(8).toString('base64url'),
        },
      });
    }
  };

  app.post('/:version/me/messages', (request, reply) =>
    answer(reply, () => send(pageOf(request), (request.body ?? {}) as Body)),
  );
  app.post('/:version/:pageId/subscribed_apps', (request, reply) =>
    answer(reply, () => {
      const state = pageOf(request);
      if ((request.params as { pageId: string }).pageId !== state.page.id) {
        throw new GraphError(
          100,
          '(#100) The page access token is not of this page',
          undefined,
          'GraphMethodException',
        );
      }
      const fields =
        (request.query as Body).subscribed_fields ??
        (request.body as Body | undefined)?.subscribed_fields;
      const list = (Array.isArray(fields) ? fields.join(',') : String(fields ?? ''))
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
      if (list.length === 0) {
        throw new GraphError(100, '(#100) The parameter subscribed_fields is required');
      }
      state.subscribedFields = list;
      return { success: true };
    }),
  );
  app.get('/:version/:pageId/subscribed_apps', (request, reply) =>
    answer(reply, () => {
      const state = pageOf(request);
      return {
        data:
          state.subscribedFields.length > 0
            ? [
                {
                  id: facebook.app.id,
                  name: 'Frontdesk',
                  subscribed_fields: state.subscribedFields,
                },
              ]
            : [],
      };
    }),
  );
  app.get('/:version/me', (request, reply) =>
    answer(reply, () => {
      const { page } = pageOf(request);
      return { id: page.id, name: page.name };
    }),
  );
  app.get('/:version/:psid', (request, reply) =>
    answer(reply, () =>
      profile(pageOf(request), request.params as { psid: string }, request.query),
    ),
  );

  /** A person's profile as the page may see it: only someone who wrote to the page. */
  function profile(state: PageState, { psid }: { psid: string }, query: unknown): object {
    const person = state.threads.get(psid)?.person;
    if (!person) {
      throw new GraphError(
        100,
        `Unsupported get request. Object with ID '${psid}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        33,
        'GraphMethodException',
      );
    }
    const [first = '', ...rest] = person.name.split(' ');
    const known: Record<string, string> = {
      id: person.psid,
      name: person.name,
      first_name: first,
      last_name: rest.join(' '),
    };
    const fields = (query as Body | undefined)?.fields;
    const asked = typeof fields === 'string' ? fields.split(',').map((f) => f.trim()) : ['name'];
    return Object.fromEntries(
      ['id', ...asked].flatMap((field) => (field in known ? [[field, known[field]]] : [])),
    );
  }

  function send(state: PageState, body: Body): object {
    const recipient = (body.recipient as Body | undefined)?.id;
    if (typeof recipient !== 'string')
      throw new GraphError(100, '(#100) The parameter recipient is required');
    const thread = state.threads.get(recipient);
    if (!thread) throw new GraphError(100, '(#100) No matching user found', 2018001);
    if (setup.rateLimited())
      throw new GraphError(613, '(#613) Calls to this api have exceeded the rate limit.');
    if (setup.unavailable.has(recipient)) {
      throw new GraphError(551, "(#551) This person isn't available right now.", 1545041);
    }
    const now = facebook.clock().getTime();
    const since = now - (thread.lastCustomerAt ?? Number.NEGATIVE_INFINITY);
    const tagged = body.messaging_type === 'MESSAGE_TAG' && body.tag === 'HUMAN_AGENT';
    const allowed = since <= DAY_MS || (tagged && state.page.humanAgent && since <= 7 * DAY_MS);
    if (body.sender_action !== undefined) {
      if (
        body.sender_action !== 'typing_on' &&
        body.sender_action !== 'typing_off' &&
        body.sender_action !== 'mark_seen'
      ) {
        throw new GraphError(
          100,
          '(#100) Param sender_action must be one of {typing_on, typing_off, mark_seen}',
        );
      }
      if (body.sender_action === 'typing_on')
        facebook.emit({ type: 'typing', page: state.page.id, psid: recipient });
      return { recipient_id: recipient };
    }
    if (!allowed) {
      throw new GraphError(10, '(#10) This message is sent outside of allowed window.', 2018278);
    }
    const message = body.message as Body | undefined;
    const text = message?.text;
    if (typeof text !== 'string' || text === '')
      throw new GraphError(100, '(#100) The parameter message[text] is required');
    if (text.length > MAX_FACEBOOK_TEXT) {
      throw new GraphError(
        100,
        `(#100) Length of param message[text] must be less than or equal to ${MAX_FACEBOOK_TEXT}`,
      );
    }
    const replies = readQuickReplies(message?.quick_replies);
    const entry = {
      sender: 'page' as const,
      mid: facebook.newMid(),
      text,
      timestamp: now,
      ...(replies ? { quickReplies: replies } : {}),
      ...(tagged ? { tag: 'HUMAN_AGENT' } : {}),
    };
    thread.messages.push(entry);
    facebook.emit({ type: 'message', page: state.page.id, psid: recipient, entry });
    return { recipient_id: recipient, message_id: entry.mid };
  }
}

/** Text quick replies (at most 13; titles up to 20 characters). */
function readQuickReplies(value: unknown): { title: string; payload: string }[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || value.length > 13) {
    throw new GraphError(100, '(#100) param message[quick_replies] must have 1–13 elements');
  }
  return value.map((reply: Body) => {
    if (
      reply?.content_type !== 'text' ||
      typeof reply.title !== 'string' ||
      typeof reply.payload !== 'string'
    ) {
      throw new GraphError(100, '(#100) A text quick reply needs a title and a payload');
    }
    if (reply.title.length > 20)
      throw new GraphError(100, '(#100) Quick reply titles are limited to 20 characters');
    return { title: reply.title, payload: reply.payload };
  });
}
