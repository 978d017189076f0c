import {
  type AddressBookContact,
  type ContactAnswer,
  ContactPatchSchema,
  type ListPage,
} from '@frontdesk/config';
import * as v from 'valibot';
import { requireUser } from '../accounts';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import { pageAnswer, pageQuery, readCursor } from '../http/pagination';
import { IdParams, type PlatformApp, routeSchema } from '../http/route-schema';
import { e164 } from './contact-keys';

const MergeBody = v.object({
  /** The contact folded into the one of the path, then deleted. */
  from: v.pipe(v.string('from must be a contact id.'), v.maxLength(64)),
});

const ContactsQuery = v.object({
  /** A name (or part of it), a phone in any format or its first digits, an e-mail. */
  q: v.optional(v.pipe(v.string(), v.maxLength(200, 'q must be at most 200 characters.'))),
  ...pageQuery,
});

function notFound(): ApiError {
  return new ApiError(404, 'not_found', 'No such contact in this account.');
}

/**
 * The address book's admin API: list and search, one contact with its enquiries, edit, merge —
 * every role of the account: operators keep the contacts of the people they talk to — and, for
 * admins, delete, which erases the person everywhere.
 */
export function registerAdminContacts(app: PlatformApp, ctx: AppContext): void {
  app.get(
    '/v1/admin/contacts',
    { schema: { tags: ['admin'], querystring: routeSchema(ContactsQuery) } },
    async (request): Promise<ListPage<AddressBookContact>> => {
      const { user } = await requireUser(ctx, request);
      const cursor = readCursor(request.query.cursor);
      const page = await ctx.store.addressBook.list({
        accountId: user.accountId,
        limit: request.query.limit,
        ...(request.query.q ? { q: request.query.q } : {}),
        ...(cursor ? { cursor } : {}),
      });
      return pageAnswer(page);
    },
  );

  app.get(
    '/v1/admin/contacts/:id',
    { schema: { tags: ['admin'], params: routeSchema(IdParams) } },
    async (request): Promise<ContactAnswer> => {
      const { user } = await requireUser(ctx, request);
      const contact = await ctx.store.addressBook.get(user.accountId, request.params.id);
      if (!contact) throw notFound();
      const timeline = await ctx.store.addressBook.timeline(user.accountId, contact.id);
      return { contact, timeline };
    },
  );

  app.patch(
    '/v1/admin/contacts/:id',
    {
      schema: {
        tags: ['admin'],
        params: routeSchema(IdParams),
        body: routeSchema(ContactPatchSchema),
      },
    },
    async (request): Promise<AddressBookContact> => {
      const { user } = await requireUser(ctx, request);
      const { phone } = request.body;
      if (phone?.trim() && !e164(phone)) {
        throw new ApiError(400, 'invalid_phone', 'This is not a valid phone number.', 'phone');
      }
      const updated = await ctx.store.addressBook.update(user.accountId, request.params.id, {
        ...request.body,
        now: ctx.clock().getTime(),
      });
      if (!updated) throw notFound();
      return updated;
    },
  );

  app.post(
    '/v1/admin/contacts/:id/merge',
    { schema: { tags: ['admin'], params: routeSchema(IdParams), body: routeSchema(MergeBody) } },
    async (request): Promise<ContactAnswer> => {
      const { user } = await requireUser(ctx, request);
      const { id } = request.params;
      if (request.body.from === id) {
        throw new ApiError(400, 'invalid', 'A contact cannot be merged into itself.', 'from');
      }
      const contact = await ctx.store.addressBook.merge(
        user.accountId,
        id,
        request.body.from,
        ctx.clock().getTime(),
      );
      if (!contact) throw notFound();
      return { contact, timeline: await ctx.store.addressBook.timeline(user.accountId, id) };
    },
  );

  app.delete(
    '/v1/admin/contacts/:id',
    { schema: { tags: ['admin'], params: routeSchema(IdParams) } },
    async (request, reply) => {
      // Erasing a person is for admins: nothing brings it back.
      const { user } = await requireUser(ctx, request, ['admin']);
      const erased = await ctx.store.addressBook.erase(user.accountId, request.params.id);
      if (!erased) throw notFound();
      await ctx.eraseFromRealtime(erased.needles);
      return reply.code(204).send();
    },
  );
}
