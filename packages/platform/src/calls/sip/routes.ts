/**
 * The HTTP side of the SIP edge:
 *
 * - `POST /v1/widgets/:key/call-credentials` (public): a visitor's short-lived SIP credential that
 *   can only call this widget's line, with where to connect. Checks, in order: widget (404) and
 *   Origin (403) as every public endpoint, body (400), per-IP limit (429), a call widget (422
 *   `not_a_call_widget`), the edge running (503 `calls_unavailable`), working time by the widget's
 *   schedule on the platform's clock (422 `closed_now`).
 * - `POST /v1/ops/sip-credentials` (operators and admins, signed in): the softphone's credential
 *   and the lines it should register (503 `calls_unavailable` when the edge is not running).
 */
import type { CallCredentials, CallSettings, OperatorSipCredentials } from '@frontdesk/config';
import { createSchedule, isOpen } from '@frontdesk/schedule';
import * as v from 'valibot';
import { ANSWERING_ROLES, requireUser, sessionId } from '../../accounts';
import type { AppContext } from '../../context';
import { ApiError } from '../../http/api-error';
import { consumePoint } from '../../http/rate-limits';
import { type PlatformApp, routeSchema } from '../../http/route-schema';
import {
  VisitorPageSchema,
  VisitorTimeZoneSchema,
  WidgetKeyParams,
} from '../../http/visitor-input';
import { activeWidget, allowWidgetOrigin } from '../../widgets';
import { randomId } from './credentials';
import { type SipEdge, SipEdgeUnavailableError } from './edge-types';
import { linesServedBy } from './lines';
import { KamailioRpcError } from './rpc';

/** What the widget may tell about the visitor; all optional, all the visitor's own word. */
const CredentialsBody = v.nullish(
  v.object({
    /** The widget's own id for this visitor, to tie their calls together; random when absent. */
    visitorId: v.optional(
      v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'Use 8–64 of A–Z, a–z, 0–9, _ and -.')),
    ),
    page: v.optional(VisitorPageSchema),
    /**
     * The account's visitor token (the chat's, the callback orders'): a visitor the platform
     * knows by it places the call as themselves, so it joins their contact's enquiries.
     */
    visitorToken: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^[A-Za-z0-9_-]{32,128}$/, 'Use 32–128 of A–Z, a–z, 0–9, _ and -.'),
      ),
    ),
    /** The visitor's IANA zone, so the operator sees their local time. */
    timeZone: v.optional(VisitorTimeZoneSchema),
  }),
);

function unavailable(edge: SipEdge | undefined): ApiError {
  const state = edge?.status().state ?? 'off';
  return new ApiError(
    503,
    'calls_unavailable',
    state === 'off'
      ? 'Calls from the site are not enabled on this platform.'
      : `Calls from the site are unavailable right now (SIP edge ${state}).`,
  );
}

/**
 * `work` on the edge; an edge that stopped running meanwhile, or whose Kamailio does not answer,
 * is a 503 like an edge that is down (and the cause goes to the log).
 */
async function fromEdge<T>(edge: SipEdge, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SipEdgeUnavailableError || error instanceof KamailioRpcError) {
      edge.log.error('SIP edge: a credential could not be issued', error);
      throw unavailable(edge);
    }
    throw error;
  }
}

/** Registers the credential endpoints; `edge` is undefined in a process without SIP_EDGE. */
export function registerSipRoutes(
  app: PlatformApp,
  ctx: AppContext,
  edge: SipEdge | undefined,
): void {
  app.post(
    '/v1/widgets/:key/call-credentials',
    {
      schema: {
        tags: ['public'],
        params: routeSchema(WidgetKeyParams),
        body: routeSchema(CredentialsBody),
      },
    },
    async (request, reply) => {
      const { key } = request.params;
      const body = (request.body ?? {}) as NonNullable<v.InferOutput<typeof CredentialsBody>>;
      const widget = await activeWidget(ctx, key);
      allowWidgetOrigin(ctx, request, reply, widget);
      reply.header('cache-control', 'no-store');
      await consumePoint(ctx.limiters.callCredentialsByIp, request.ip, 'calls');
      if (widget.type !== 'call' || widget.sipLine === null) {
        throw new ApiError(422, 'not_a_call_widget', `The widget "${key}" takes no calls.`);
      }
      if (!edge?.available()) throw unavailable(edge);
      const settings = widget.settings as CallSettings;
      // Out of hours a call may still go to the fallback number; a callback is offered otherwise.
      const closed = !isOpen(createSchedule(settings.schedule), ctx.clock());
      if (closed && settings.fallback.kind !== 'external') {
        throw new ApiError(422, 'closed_now', 'Calls are taken in working hours only.');
      }
      const known = body.visitorToken
        ? await ctx.store.chatVisitors.byTokenHash(sessionId(body.visitorToken))
        : undefined;
      const visitorId =
        (known?.accountId === widget.accountId ? known.id : undefined) ??
        body.visitorId ??
        randomId();
      const credential = await fromEdge(edge, () =>
        edge.visitorCredential(widget, visitorId, {
          widget: { id: widget.id, key: widget.key, name: widget.name },
          page: { url: body.page?.url ?? null, title: body.page?.title ?? null },
          utm: body.page?.utm ?? {},
          visitor: { id: visitorId, timeZone: body.timeZone ?? null },
        }),
      );
      const domain = widget.sipLine.split('@')[1] ?? '';
      const answer: CallCredentials = {
        username: credential.username,
        password: credential.password,
        expiresAt: credential.expiresAt,
        wsUrl: await fromEdge(edge, () => edge.wsUrl(widget.key)),
        /** The From of the visitor's user agent. */
        uri: `sip:visitor-${visitorId}@${domain}`,
        target: `sip:${widget.sipLine}`,
        displayName: widget.name,
        iceServers: [],
      };
      return answer;
    },
  );

  app.post('/v1/ops/sip-credentials', { schema: { tags: ['ops'] } }, async (request, reply) => {
    const { user } = await requireUser(ctx, request, ANSWERING_ROLES);
    reply.header('cache-control', 'no-store');
    if (!edge?.available()) throw unavailable(edge);
    const credential = await fromEdge(edge, () => edge.operatorCredential(user));
    const lines = await linesServedBy(ctx.store, user);
    const domain = lines[0]?.line.split('@')[1] ?? ctx.env.sipDomain;
    const answer: OperatorSipCredentials = {
      username: credential.username,
      password: credential.password,
      expiresAt: credential.expiresAt,
      wsUrl: await fromEdge(edge, () => edge.wsUrl('ops')),
      uri: `sip:operator-${user.id}@${domain}`,
      displayName: user.name,
      lines,
      iceServers: [],
    };
    return answer;
  });
}
