/**
 * `GET`/`PATCH /v1/admin/account`: the account's own settings — for now the language of what the
 * platform writes for it (staff e-mails and SMS, the embed-code e-mail). Everyone reads it; only
 * admins change it.
 */
import { type AccountSettings, TextLocaleSchema } from '@frontdesk/config';
import * as v from 'valibot';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import { type PlatformApp, routeSchema } from '../http/route-schema';
import type { Account } from './account-records';
import { requireUser } from './session';

const AccountPatch = v.object({ language: v.optional(TextLocaleSchema) });

/** The account as the API shows it. */
function settingsOf(account: Account | undefined): AccountSettings {
  if (!account) throw new ApiError(404, 'not_found', 'No such account.');
  return { id: account.id, name: account.name, language: account.language };
}

/** Registers `GET /v1/admin/account` and `PATCH /v1/admin/account` (admins). */
export function registerAdminAccount(app: PlatformApp, ctx: AppContext): void {
  app.get('/v1/admin/account', { schema: { tags: ['admin'] } }, async (request) => {
    const { user } = await requireUser(ctx, request);
    return settingsOf(await ctx.store.accounts.get(user.accountId));
  });

  app.patch(
    '/v1/admin/account',
    { schema: { tags: ['admin'], body: routeSchema(AccountPatch) } },
    async (request) => {
      const { user } = await requireUser(ctx, request, ['admin']);
      return settingsOf(await ctx.store.accounts.update(user.accountId, request.body));
    },
  );
}
