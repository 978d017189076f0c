import {
  GroupChatRulesSchema,
  type GroupsAnswer,
  PhoneSchema,
  TextLocaleSchema,
  type UsersAnswer,
} from '@frontdesk/config';
import * as v from 'valibot';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import { IdParams, type PlatformApp, routeSchema } from '../http/route-schema';
import type { Group, User } from './account-records';
import { publicUser } from './auth';
import { hashPassword } from './passwords';
import { requireUser } from './session';

const Email = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.email('Give a valid e-mail address.'),
  v.maxLength(254),
);
const PersonName = v.pipe(
  v.string(),
  v.check((name) => name.trim() !== '', 'Give a name.'),
  v.maxLength(100),
);
const Password = v.pipe(
  v.string(),
  v.minLength(10, 'Passwords have at least 10 characters.'),
  v.maxLength(1024),
);
const Role = v.picklist(['admin', 'marketer', 'operator']);
const PhotoUrl = v.nullable(
  v.pipe(v.string(), v.url(), v.maxLength(2000), v.regex(/^https?:/, 'Use an http(s) URL.')),
);
/** The employee's external phone, which call forwarding may ring (E.164), or null. */
const Phone = v.nullable(PhoneSchema);
/** The language the staff apps speak to the user; null: their browser's. */
const Language = v.nullable(TextLocaleSchema);

const CreateUser = v.object({
  email: Email,
  name: PersonName,
  role: Role,
  password: Password,
  photoUrl: v.optional(PhotoUrl),
  phone: v.optional(Phone),
  language: v.optional(Language),
});
const PatchUser = v.object({
  email: v.optional(Email),
  name: v.optional(PersonName),
  role: v.optional(Role),
  password: v.optional(Password),
  photoUrl: v.optional(PhotoUrl),
  phone: v.optional(Phone),
  language: v.optional(Language),
});
const MemberIds = v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(500));
const CreateGroup = v.object({
  name: PersonName,
  memberIds: v.optional(MemberIds, []),
  chatRules: v.optional(GroupChatRulesSchema),
});
const PatchGroup = v.object({
  name: v.optional(PersonName),
  memberIds: v.optional(MemberIds),
  chatRules: v.optional(GroupChatRulesSchema),
});

/**
 * Operators, marketers and admins of the account, and groups of operators: managed by admins only.
 * A password or role change ends the user's other sessions; the `/ops` sockets follow every change
 * of sessions, roles and groups at once (ops-sessions.ts).
 */
export function registerAdminPeople(app: PlatformApp, ctx: AppContext): void {
  const ownUser = async (accountId: string, id: string): Promise<User> => {
    const user = await ctx.store.users.get(id);
    if (!user || user.accountId !== accountId)
      throw new ApiError(404, 'user_not_found', `No user ${id} in this account.`);
    return user;
  };
  const ownGroup = async (accountId: string, id: string): Promise<Group> => {
    const group = await ctx.store.groups.get(id);
    if (!group || group.accountId !== accountId)
      throw new ApiError(404, 'group_not_found', `No group ${id} in this account.`);
    return group;
  };
  const checkMembers = async (accountId: string, memberIds: string[] | undefined) => {
    for (const [i, id] of (memberIds ?? []).entries()) {
      const user = await ctx.store.users.get(id);
      if (!user || user.accountId !== accountId) {
        throw new ApiError(400, 'invalid', `No user ${id} in this account.`, `memberIds[${i}]`);
      }
    }
  };
  const emailFree = async (email: string | undefined, exceptId?: string) => {
    const taken = email ? await ctx.store.users.byEmail(email) : undefined;
    if (taken && taken.id !== exceptId)
      throw new ApiError(409, 'email_taken', `${email} already has an account.`, 'email');
  };

  app.get('/v1/admin/users', { schema: { tags: ['admin'] } }, async (request) => {
    const { user } = await requireUser(ctx, request);
    return {
      users: (await ctx.store.users.list(user.accountId)).map(publicUser),
    } satisfies UsersAnswer;
  });

  app.post(
    '/v1/admin/users',
    { schema: { tags: ['admin'], body: routeSchema(CreateUser) } },
    async (request, reply) => {
      const { user } = await requireUser(ctx, request, ['admin']);
      const body = request.body;
      await emailFree(body.email);
      const created = await ctx.store.users.create({
        accountId: user.accountId,
        email: body.email,
        name: body.name,
        role: body.role,
        passwordHash: await hashPassword(body.password, ctx.passwordCost),
        photoUrl: body.photoUrl ?? null,
        phone: body.phone ?? null,
        language: body.language ?? null,
      });
      return reply.code(201).send(publicUser(created));
    },
  );

  app.patch(
    '/v1/admin/users/:id',
    { schema: { tags: ['admin'], params: routeSchema(IdParams), body: routeSchema(PatchUser) } },
    async (request) => {
      const { user, session } = await requireUser(ctx, request, ['admin']);
      const target = await ownUser(user.accountId, request.params.id);
      const { password, ...patch } = request.body;
      await emailFree(patch.email, target.id);
      const updated = await ctx.store.users.update(target.id, {
        ...patch,
        ...(password ? { passwordHash: await hashPassword(password, ctx.passwordCost) } : {}),
      });
      const roleChanged = patch.role !== undefined && patch.role !== target.role;
      if (password || roleChanged) {
        // Whoever holds the old password, or the old rights, signs in again; not the admin asking.
        const ended = await ctx.store.sessions.deleteOfUser(
          target.id,
          target.id === user.id ? session.id : undefined,
        );
        ctx.opsSessions.ended(ended);
      }
      // Sockets hold the role they were opened with: even the asking session's must reconnect.
      if (roleChanged) ctx.opsSessions.userChanged(target.id);
      return updated && publicUser(updated);
    },
  );

  app.delete(
    '/v1/admin/users/:id',
    { schema: { tags: ['admin'], params: routeSchema(IdParams) } },
    async (request, reply) => {
      const { user } = await requireUser(ctx, request, ['admin']);
      const target = await ownUser(user.accountId, request.params.id);
      if (target.id === user.id)
        throw new ApiError(409, 'cannot_delete_self', 'You cannot delete your own user.');
      await ctx.store.users.delete(target.id);
      ctx.opsSessions.userChanged(target.id);
      return reply.code(204).send();
    },
  );

  app.get('/v1/admin/groups', { schema: { tags: ['admin'] } }, async (request) => {
    const { user } = await requireUser(ctx, request);
    return { groups: await ctx.store.groups.list(user.accountId) } satisfies GroupsAnswer;
  });

  app.post(
    '/v1/admin/groups',
    { schema: { tags: ['admin'], body: routeSchema(CreateGroup) } },
    async (request, reply) => {
      const { user } = await requireUser(ctx, request, ['admin']);
      const body = request.body;
      await checkMembers(user.accountId, body.memberIds);
      const group = await ctx.store.groups.create({ accountId: user.accountId, ...body });
      ctx.opsSessions.membersChanged(group.id, group.memberIds, []);
      return reply.code(201).send(group);
    },
  );

  app.patch(
    '/v1/admin/groups/:id',
    { schema: { tags: ['admin'], params: routeSchema(IdParams), body: routeSchema(PatchGroup) } },
    async (request) => {
      const { user } = await requireUser(ctx, request, ['admin']);
      const group = await ownGroup(user.accountId, request.params.id);
      const body = request.body;
      await checkMembers(user.accountId, body.memberIds);
      const updated = await ctx.store.groups.update(group.id, body);
      // Distributing now, or with more room per member: what waits goes out at once.
      if (body.chatRules) ctx.distribute([group.id]);
      if (updated) {
        const before = new Set(group.memberIds);
        const after = new Set(updated.memberIds);
        ctx.opsSessions.membersChanged(
          group.id,
          updated.memberIds.filter((id) => !before.has(id)),
          group.memberIds.filter((id) => !after.has(id)),
        );
      }
      return updated;
    },
  );

  app.delete(
    '/v1/admin/groups/:id',
    { schema: { tags: ['admin'], params: routeSchema(IdParams) } },
    async (request, reply) => {
      const { user } = await requireUser(ctx, request, ['admin']);
      const group = await ownGroup(user.accountId, request.params.id);
      await ctx.store.groups.delete(group.id);
      ctx.opsSessions.membersChanged(group.id, [], group.memberIds);
      return reply.code(204).send();
    },
  );
}
