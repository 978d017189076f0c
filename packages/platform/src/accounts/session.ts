import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import type { Role, Session, User } from './account-records';

/** The session cookie: httpOnly, SameSite=Strict, and never readable by page scripts. */
export const SESSION_COOKIE = 'fd_session';

/** Who is signed in, for a request. */
export interface SignedIn {
  user: User;
  session: Session;
}

/** The stored id of a session token: its SHA-256, so a leaked table holds no usable token. */
export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session for `user` and sets its cookie; returns the CSRF token for the page. */
export async function startSession(
  ctx: AppContext,
  reply: FastifyReply,
  user: User,
): Promise<Session> {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock().getTime();
  const session = await ctx.store.sessions.create({
    id: sessionId(token),
    userId: user.id,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now,
    expiresAt: now + ctx.env.sessionTtlMs,
  });
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.env.publicUrl.startsWith('https:'),
    maxAge: Math.floor(ctx.env.sessionTtlMs / 1000),
  });
  return session;
}

/** The signed-in user of a cookie token, or undefined when absent, unknown or expired. */
export async function sessionOf(
  ctx: AppContext,
  token: string | undefined,
): Promise<SignedIn | undefined> {
  if (!token) return undefined;
  const session = await ctx.store.sessions.get(sessionId(token));
  if (!session) return undefined;
  if (session.expiresAt <= ctx.clock().getTime()) {
    await ctx.store.sessions.delete(session.id);
    return undefined;
  }
  const user = await ctx.store.users.get(session.userId);
  return user ? { user, session } : undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The signed-in user of a staff request, checked: role allowed, and for writes the CSRF token
 * echoed in `x-csrf-token` and an Origin (when sent) equal to the platform's own.
 * @throws {ApiError} 401 without a live session, 403 otherwise.
 */
export async function requireUser(
  ctx: AppContext,
  request: FastifyRequest,
  roles: readonly Role[] = ['admin', 'marketer', 'operator'],
): Promise<SignedIn> {
  const signedIn = await sessionOf(ctx, request.cookies[SESSION_COOKIE]);
  if (!signedIn) throw new ApiError(401, 'unauthenticated', 'Sign in first.');
  if (!SAFE_METHODS.has(request.method)) checkWriteOrigin(ctx, request, signedIn.session);
  if (!roles.includes(signedIn.user.role)) {
    throw new ApiError(403, 'forbidden', `This needs the role ${roles.join(' or ')}.`);
  }
  return signedIn;
}

function checkWriteOrigin(
  ctx: AppContext,
  request: FastifyRequest,
  session: Session | undefined,
): void {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== ctx.env.publicUrl) {
    throw new ApiError(
      403,
      'origin_not_allowed',
      `Staff requests must come from ${ctx.env.publicUrl}.`,
    );
  }
  if (session && request.headers['x-csrf-token'] !== session.csrfToken) {
    throw new ApiError(403, 'csrf_failed', 'Send the x-csrf-token header given at sign-in.');
  }
}

/** Login is a write without a session: only its Origin can be checked. */
export function checkLoginOrigin(ctx: AppContext, request: FastifyRequest): void {
  checkWriteOrigin(ctx, request, undefined);
}
