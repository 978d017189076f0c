import { ChatAuthSchema, type ChatSettings } from '@frontdesk/config';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Socket } from 'socket.io';
import * as v from 'valibot';
import { sessionId } from '../accounts';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import { consumePoint } from '../http/rate-limits';
import { issuePath } from '../http/route-schema';
import { mayUseWidget } from '../widgets';
import type { ChatVisitor } from './chat-records';
import { chatClientAddress } from './client-address';
import { randomToken } from './random-token';
import { visitorRoom, widgetRoom } from './rooms';

/**
 * What a visitor's socket carries once its handshake passed. Never the visitor's token:
 * socket.data and the handshake cross Redis with every presence lookup (fetchSockets).
 */
export interface VisitorSocketData {
  visitor: ChatVisitor;
  widgetId: string;
  settings: ChatSettings;
  /** The language the visitor's widget speaks, as it said (the auto-replies follow it). */
  locale: string | undefined;
}

/** The token each visitor socket's `welcome` gives: the one it sent, or a new one. */
const welcomeTokens = new WeakMap<Socket, string>();

/** The token for `socket`'s `welcome`, once: afterwards the platform holds only its hash. */
export function takeVisitorToken(socket: Socket): string {
  const token = welcomeTokens.get(socket) ?? '';
  welcomeTokens.delete(socket);
  return token;
}

/**
 * The `/chat` handshake: a live, active chat widget (`widget_not_found`, `not_a_chat`), opened
 * from one of its allowed origins (`origin_not_allowed`); the visitor is the one the token names
 * in this widget's account (whichever of its widgets met them first), or a new one with a new
 * token. Handshakes and new visitors count per client address (`rate_limited` past either
 * limit). Refusals reach the client as `connect_error`
 * whose message is the code (and whose `data` names the field of a bad handshake).
 */
export function visitorHandshake(ctx: AppContext) {
  return async (socket: Socket, next: (error?: Error) => void): Promise<void> => {
    try {
      // Nothing here reads cookies, and a chat on the platform's own pages sends the staff session's.
      delete socket.handshake.headers.cookie;
      const address = chatClientAddress(socket);
      // Every attempt counts, a malformed one too: a flood is refused before any database work.
      const busy = await limited(ctx.limiters.chatHandshakesByIp, address, 'connections');
      if (busy) return next(busy);
      const parsed = v.safeParse(ChatAuthSchema, socket.handshake.auth);
      if (!parsed.success) {
        const issue = parsed.issues[0];
        return next(
          refusal('invalid', issue?.message ?? 'Invalid handshake.', issue && issuePath(issue)),
        );
      }
      const auth = parsed.output;
      delete socket.handshake.auth.visitorToken;
      const widget = await ctx.store.widgets.byKey(auth.key);
      if (!widget?.active) {
        return next(refusal('widget_not_found', `No active widget has the key "${auth.key}".`));
      }
      if (widget.settings.type !== 'chat') {
        return next(refusal('not_a_chat', `The widget "${auth.key}" is not a chat.`));
      }
      const origin = socket.handshake.headers.origin;
      if (!mayUseWidget(ctx, origin, widget)) {
        return next(
          refusal('origin_not_allowed', `This widget is not allowed to run on ${origin}.`),
        );
      }
      const now = ctx.clock().getTime();
      const timeZone = auth.timeZone || null;
      const known = auth.visitorToken
        ? await ctx.store.chatVisitors.byTokenHash(sessionId(auth.visitorToken))
        : undefined;
      let visitorToken = auth.visitorToken ?? '';
      // One visitor across the widgets of an account (a callback order's token is known here).
      let visitor = known?.accountId === widget.accountId ? known : undefined;
      if (visitor) {
        await ctx.store.chatVisitors.seen(visitor.id, { timeZone, now });
        if (timeZone) visitor = { ...visitor, timeZone };
      } else {
        const crowded = await limited(ctx.limiters.chatVisitorsByIp, address, 'new visitors');
        if (crowded) return next(crowded);
        // Unknown, missing, or another account's: a new visitor with a token of its own.
        visitorToken = randomToken();
        visitor = await ctx.store.chatVisitors.create({
          accountId: widget.accountId,
          widgetId: widget.id,
          tokenHash: sessionId(visitorToken),
          timeZone,
          now,
        });
      }
      const data: VisitorSocketData = {
        visitor,
        widgetId: widget.id,
        settings: widget.settings,
        locale: auth.locale,
      };
      Object.assign(socket.data, data);
      welcomeTokens.set(socket, visitorToken);
      await socket.join([visitorRoom(visitor.id), widgetRoom(widget.id)]);
      next();
    } catch (error) {
      next(error instanceof Error ? error : new Error(String(error)));
    }
  };
}

/** `rate_limited` when `address` has no point of `limiter` left; undefined after taking one. */
async function limited(
  limiter: RateLimiterAbstract,
  address: string,
  what: string,
): Promise<Error | undefined> {
  try {
    await consumePoint(limiter, address, `${what} from your address`);
    return undefined;
  } catch (error) {
    if (error instanceof ApiError) return refusal(error.code, error.message);
    throw error;
  }
}

/** A handshake refusal: `message` is the code, `data` says more. */
function refusal(code: string, message: string, field?: string): Error {
  return Object.assign(new Error(code), { data: { message, ...(field ? { field } : {}) } });
}
