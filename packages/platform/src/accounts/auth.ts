import type { StaffUser } from '@frontdesk/config';
import * as v from 'valibot';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import { consumePoint, loginFailureKey, tooMany } from '../http/rate-limits';
import { type PlatformApp, routeSchema } from '../http/route-schema';
import type { User } from './account-records';
import { dummyHash, hashPassword, verifyPassword, weakerThan } from './passwords';
import { checkLoginOrigin, requireUser, SESSION_COOKIE, startSession } from './session';

/** A user as the API shows it: never the password hash. */
export function publicUser(user: User): StaffUser {
  const { passwordHash: _, ...rest } = user;
  return rest;
}

const LoginBody = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email(), v.maxLength(254)),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
});

/** Sign in, sign out, and who am I — for the Studio and the console. */
export function registerAuth(app: PlatformApp, ctx: AppContext): void {
  app.post(
    '/v1/auth/login',
    { schema: { tags: ['auth'], body: routeSchema(LoginBody) } },
    async (request, reply) => {
      checkLoginOrigin(ctx, request);
      const { email, password } = request.body;
      await consumePoint(ctx.limiters.loginByIp, request.ip, SIGN_INS);
      const failureKey = loginFailureKey(email, request.ip);
      const failures = await ctx.limiters.loginFailures.get(failureKey);
      if (failures && failures.remainingPoints <= 0) throw tooMany(SIGN_INS, failures.msBeforeNext);
      const user = await ctx.store.users.byEmail(email);
      // Verify against a dummy hash for unknown users too, so timing does not reveal accounts.
      const ok = await verifyPassword(password, user?.passwordHash ?? dummyHash(ctx.passwordCost));
      if (!user || !ok) {
        await consumePoint(ctx.limiters.loginFailures, failureKey, SIGN_INS);
        throw new ApiError(401, 'invalid_credentials', 'The e-mail or the password is wrong.');
      }
      // Only when there were failures: most sign-ins need no second trip to Redis.
      if (failures) await ctx.limiters.loginFailures.delete(failureKey);
      await upgradeHash(ctx, user, password);
      const session = await startSession(ctx, reply, user);
      return { user: publicUser(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  app.post('/v1/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const { session } = await requireUser(ctx, request);
    await ctx.store.sessions.delete(session.id);
    ctx.opsSessions.ended([session.id]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/v1/auth/me', { schema: { tags: ['auth'] } }, async (request) => {
    const { user, session } = await requireUser(ctx, request);
    return { user: publicUser(user), csrfToken: session.csrfToken, expiresAt: session.expiresAt };
  });
}

/** What the sign-in limits count, for their 429 message. */
const SIGN_INS = 'sign-in attempts';

/** Hashes the password anew when its hash is cheaper than the platform's cost now. */
async function upgradeHash(ctx: AppContext, user: User, password: string): Promise<void> {
  if (!weakerThan(user.passwordHash, ctx.passwordCost)) return;
  const stronger = await hashPassword(password, ctx.passwordCost);
  // Only over the hash just verified: a password changed meanwhile stays changed.
  await ctx.store.users.replacePasswordHash(user.id, user.passwordHash, stronger);
}
