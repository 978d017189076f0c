/**
 * The account's SIP trunks, for admins only: `GET/POST /v1/admin/trunks`, `PATCH/DELETE
 * /v1/admin/trunks/:id`. The password is write-only (a string replaces it, null clears it, left out
 * or `{ "set" }` keeps it); every read shows `{ "set": true | false }` in its place.
 */
import {
  type AdminTrunk,
  PhoneSchema,
  secret,
  type TrunkRegistration,
  type TrunksAnswer,
} from '@frontdesk/config';
import * as v from 'valibot';
import { requireUser } from '../accounts';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import { IdParams, type PlatformApp, routeSchema } from '../http/route-schema';
import type { Trunk, TrunkPatch } from './call-records';
import type { SipEdge } from './sip';
import { CALLING_CODES } from './sip/destinations';

const Name = v.pipe(
  v.string(),
  v.check((name) => name.trim() !== '', 'Give a name.'),
  v.maxLength(100),
);
/** A host name or an IPv4 address: what Kamailio can reach without quoting. */
const Host = v.pipe(
  v.string(),
  v.toLowerCase(),
  v.maxLength(253),
  v.regex(
    /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'Give a host name or an IPv4 address.',
  ),
);
const Port = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65535));
const Transport = v.picklist(['udp', 'tcp', 'tls'], 'Use "udp", "tcp" or "tls".');
/** Digest usernames: nothing Kamailio's tables or the registration file would need escaped. */
const Username = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9_.+@-]{1,100}$/, 'Use 1–100 of A–Z, a–z, 0–9 and _ . + @ -.'),
);
const Password = v.pipe(
  v.string(),
  v.regex(/^[\x21-\x7e]{1,200}$/, 'Use 1–200 printable characters without spaces.'),
);
const Destinations = v.pipe(
  v.array(
    v.pipe(
      v.string(),
      v.check((code) => CALLING_CODES.has(code), 'Use country calling codes like "7" or "375".'),
    ),
  ),
  v.minLength(1, 'Allow at least one country, or the trunk can call nowhere.'),
  v.maxLength(250),
);

const TrunkFields = {
  name: Name,
  host: Host,
  port: Port,
  transport: Transport,
  username: Username,
  password: secret(Password, 'a password'),
  register: v.boolean('must be true or false'),
  callerId: v.nullable(PhoneSchema),
  callerIdHeader: v.picklist(['from', 'pai'], 'Use "from" or "pai".'),
  maxCalls: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)),
  destinations: Destinations,
};
const CreateTrunk = v.object({
  ...TrunkFields,
  port: v.optional(Port),
  register: v.optional(TrunkFields.register, false),
  callerId: v.optional(TrunkFields.callerId, null),
  callerIdHeader: v.optional(TrunkFields.callerIdHeader, 'from'),
  maxCalls: v.optional(TrunkFields.maxCalls, 2),
});
const PatchTrunk = v.partial(v.object(TrunkFields));
/** The password change a body asks for: a string or null; `{ set }` or left out keeps it. */
function passwordChange(value: unknown): string | null | undefined {
  return typeof value === 'string' || value === null ? value : undefined;
}

/** Registers the trunk endpoints; `sipEdge` tells where the registrations stand. */
export function registerAdminTrunks(
  app: PlatformApp,
  ctx: AppContext,
  sipEdge?: SipEdge | undefined,
): void {
  /** The trunks as admins see them: with their registration, read from Kamailio now. */
  const answer = async (trunks: Trunk[]): Promise<AdminTrunk[]> => {
    const registering = trunks.some((trunk) => trunk.register);
    const states = registering
      ? await (sipEdge?.trunkRegistrations() ?? Promise.resolve(new Map())).catch(
          () => new Map<string, TrunkRegistration>(),
        )
      : new Map<string, TrunkRegistration>();
    return trunks.map((trunk) => ({
      ...trunk,
      registration: trunk.register
        ? (states.get(trunk.id) ?? { state: 'pending' })
        : { state: 'off' },
    }));
  };

  const ownTrunk = async (accountId: string, id: string) => {
    const trunk = await ctx.store.trunks.get(id);
    if (!trunk || trunk.accountId !== accountId)
      throw new ApiError(404, 'trunk_not_found', `No trunk ${id} in this account.`);
    return trunk;
  };

  app.get('/v1/admin/trunks', { schema: { tags: ['admin'] } }, async (request) => {
    const { user } = await requireUser(ctx, request, ['admin']);
    return {
      trunks: await answer(await ctx.store.trunks.list(user.accountId)),
    } satisfies TrunksAnswer;
  });

  app.post(
    '/v1/admin/trunks',
    { schema: { tags: ['admin'], body: routeSchema(CreateTrunk) } },
    async (request, reply) => {
      const { user } = await requireUser(ctx, request, ['admin']);
      const { password, port, ...body } = request.body;
      const trunk = await ctx.store.trunks.create({
        ...body,
        accountId: user.accountId,
        port: port ?? 5060,
        password: passwordChange(password) ?? null,
        now: ctx.clock().getTime(),
      });
      const [shown] = await answer([trunk]);
      return reply.code(201).send(shown satisfies AdminTrunk | undefined);
    },
  );

  app.patch(
    '/v1/admin/trunks/:id',
    { schema: { tags: ['admin'], params: routeSchema(IdParams), body: routeSchema(PatchTrunk) } },
    async (request): Promise<AdminTrunk | undefined> => {
      const { user } = await requireUser(ctx, request, ['admin']);
      const trunk = await ownTrunk(user.accountId, request.params.id);
      const { password, ...body } = request.body;
      const patch: TrunkPatch = { ...body, now: ctx.clock().getTime() };
      const change = passwordChange(password);
      if (change !== undefined) patch.password = change;
      const updated = await ctx.store.trunks.update(trunk.id, patch);
      return updated && (await answer([updated]))[0];
    },
  );

  app.delete(
    '/v1/admin/trunks/:id',
    { schema: { tags: ['admin'], params: routeSchema(IdParams) } },
    async (request, reply) => {
      const { user } = await requireUser(ctx, request, ['admin']);
      const trunk = await ownTrunk(user.accountId, request.params.id);
      await ctx.store.trunks.delete(trunk.id);
      return reply.code(204).send();
    },
  );
}
