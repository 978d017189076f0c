/**
 * `PATCH /v1/auth/me`: what a signed-in user sets for themselves, whatever their role — for now
 * the language the staff apps speak to them (their switcher saves it here).
 */
import { TextLocaleSchema } from '@frontdesk/config';
import * as v from 'valibot';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import { type PlatformApp, routeSchema } from '../http/route-schema';
import { publicUser } from './auth';
import { requireUser } from './session';

const ProfilePatch = v.object({
  /** null: follow the browser's language. */
  language: v.optional(v.nullable(TextLocaleSchema)),
});

/** Registers `PATCH /v1/auth/me`; it answers `{ user }` as it is now. */
export function registerProfile(app: PlatformApp, ctx: AppContext): void {
  app.patch(
    '/v1/auth/me',
    { schema: { tags: ['auth'], body: routeSchema(ProfilePatch) } },
    async (request) => {
      const { user } = await requireUser(ctx, request);
      const updated = await ctx.store.users.update(user.id, request.body);
      // Deleted between the session check and the write.
      if (!updated) throw new ApiError(401, 'unauthenticated', 'Sign in first.');
      return { user: publicUser(updated) };
    },
  );
}
