import {
  type AdminWidget,
  defaultSettings,
  normalizeOrigin,
  parseSettings,
  type WidgetSettings,
  type WidgetsAnswer,
} from '@frontdesk/config';
import { openAttribute, snippet } from '@frontdesk/loader';
import * as v from 'valibot';
import { requireUser } from '../accounts';
import type { AppContext } from '../context';
import { ApiError } from '../http/api-error';
import { IdParams, type PlatformApp, routeSchema } from '../http/route-schema';
import { assertOwnReceivers } from './settings-receivers';
import type { Widget } from './widget-records';

const WIDGET_TYPES = ['call', 'callback', 'chat'] as const;
const EDITORS = ['admin', 'marketer'] as const;

// Names are kept exactly as typed (no trimming): what is accepted comes back byte for byte.
const Name = v.pipe(
  v.string(),
  v.check((name) => name.trim() !== '', 'Give the widget a name.'),
  v.maxLength(100),
);
/** A site's address as its owner types it (`example.com`): read by `normalizeOrigin`. */
const Site = v.pipe(
  v.string(),
  v.maxLength(300),
  v.transform((site) => normalizeOrigin(site)),
  v.check(
    (origin) => origin !== null,
    'Give the address of the site, like example.com or https://www.example.com:8443.',
  ),
);
const CreateBody = v.object({
  type: v.picklist(WIDGET_TYPES),
  name: Name,
  active: v.optional(v.boolean()),
  /** The site the widget will run on: added to its allowed origins. */
  site: v.optional(Site),
  /** Full settings; defaults of the type when left out. Checked with @frontdesk/config. */
  settings: v.optional(v.unknown()),
});
const PatchBody = v.object({
  name: v.optional(Name),
  active: v.optional(v.boolean()),
  settings: v.optional(v.unknown()),
});
const DeleteBody = v.optional(
  v.nullable(
    v.object({ reason: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.maxLength(500)))) }),
  ),
);

/**
 * The allowed origins as their owners may type them (`example.com`, `localhost:8080`), made
 * origins; what names no site stays as it is, for the schema to refuse with its index.
 */
function withNormalOrigins(input: unknown): unknown {
  const origins = (input as { allowedOrigins?: unknown } | null)?.allowedOrigins;
  if (!Array.isArray(origins)) return input;
  return {
    ...(input as object),
    allowedOrigins: origins.map((o) => (typeof o === 'string' ? (normalizeOrigin(o) ?? o) : o)),
  };
}

/**
 * Settings checked by the one schema the widgets and the Studio share, whose receivers are the
 * account's own. @throws {ApiError} 400 naming the field; 422 naming a foreign receiver.
 */
async function checkedSettings(
  ctx: AppContext,
  accountId: string,
  input: unknown,
  type: Widget['type'],
): Promise<WidgetSettings> {
  const result = parseSettings(withNormalOrigins(input));
  if (!result.ok) {
    const issue = result.issues[0];
    throw new ApiError(
      400,
      'invalid',
      issue?.message ?? 'Invalid settings.',
      issue ? `settings.${issue.path}`.replace(/\.$/, '') : 'settings',
    );
  }
  if (result.value.type !== type) {
    throw new ApiError(
      400,
      'invalid',
      `Settings of a ${result.value.type} widget do not fit a ${type} widget.`,
      'settings.type',
    );
  }
  await assertOwnReceivers(ctx, accountId, result.value);
  return result.value;
}

/** The widget of the signed-in user's account. @throws {ApiError} 404 for any other. */
export async function ownWidget(ctx: AppContext, accountId: string, id: string): Promise<Widget> {
  const widget = await ctx.store.widgets.get(id);
  if (!widget || widget.accountId !== accountId || widget.deletedAt !== null) {
    throw new ApiError(404, 'widget_not_found', `No widget ${id} in this account.`);
  }
  return widget;
}

/** The embed codes of a widget: popup format link and button codes, label format label code. */
export function embedCodes(ctx: AppContext, widget: Widget) {
  const base = { baseUrl: ctx.env.publicUrl, widget: widget.key };
  return {
    button: snippet({ ...base, format: 'button' }),
    link: snippet({ ...base, format: 'link' }),
    linkAttribute: openAttribute(widget.key),
    label: snippet({ ...base, format: 'label' }),
    testUrl: new URL(`/test/${widget.key}`, ctx.env.publicUrl).href,
  };
}

/**
 * Widgets CRUD and embed codes: read by every role, written by admins and marketers. Secrets in
 * the settings are write-only: the store answers `{ "set" }` in their place (see
 * @frontdesk/config's secret.ts).
 */
export function registerAdminWidgets(app: PlatformApp, ctx: AppContext): void {
  app.get('/v1/admin/widgets', { schema: { tags: ['admin'] } }, async (request) => {
    const { user } = await requireUser(ctx, request);
    return { widgets: await ctx.store.widgets.list(user.accountId) } satisfies WidgetsAnswer;
  });

  app.post(
    '/v1/admin/widgets',
    { schema: { tags: ['admin'], body: routeSchema(CreateBody) } },
    async (request, reply) => {
      const { user } = await requireUser(ctx, request, EDITORS);
      const body = request.body;
      const given =
        body.settings === undefined
          ? defaultSettings(body.type)
          : await checkedSettings(ctx, user.accountId, body.settings, body.type);
      const site = body.site;
      const settings =
        site && !given.allowedOrigins.includes(site)
          ? { ...given, allowedOrigins: [...given.allowedOrigins, site] }
          : given;
      const widget = await ctx.store.widgets.create({
        accountId: user.accountId,
        type: body.type,
        name: body.name,
        settings,
        active: body.active ?? true,
        now: ctx.clock().getTime(),
      });
      return reply.code(201).send(widget);
    },
  );

  app.get(
    '/v1/admin/widgets/:id',
    { schema: { tags: ['admin'], params: routeSchema(IdParams) } },
    async (request): Promise<AdminWidget> => {
      const { user } = await requireUser(ctx, request);
      return ownWidget(ctx, user.accountId, request.params.id);
    },
  );

  app.patch(
    '/v1/admin/widgets/:id',
    { schema: { tags: ['admin'], params: routeSchema(IdParams), body: routeSchema(PatchBody) } },
    async (request) => {
      const { user } = await requireUser(ctx, request, EDITORS);
      const widget = await ownWidget(ctx, user.accountId, request.params.id);
      const body = request.body;
      const settings =
        body.settings === undefined
          ? undefined
          : await checkedSettings(ctx, user.accountId, body.settings, widget.type);
      return ctx.store.widgets.update(widget.id, {
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.active !== undefined ? { active: body.active } : {}),
        ...(settings !== undefined ? { settings } : {}),
        now: ctx.clock().getTime(),
      });
    },
  );

  app.delete(
    '/v1/admin/widgets/:id',
    { schema: { tags: ['admin'], params: routeSchema(IdParams), body: routeSchema(DeleteBody) } },
    async (request, reply) => {
      const { user } = await requireUser(ctx, request, EDITORS);
      const widget = await ownWidget(ctx, user.accountId, request.params.id);
      const body = request.body;
      await ctx.store.widgets.softDelete(widget.id, {
        reason: body?.reason || null,
        now: ctx.clock().getTime(),
      });
      return reply.code(204).send();
    },
  );

  app.get(
    '/v1/admin/widgets/:id/embed',
    { schema: { tags: ['admin'], params: routeSchema(IdParams) } },
    async (request) => {
      const { user } = await requireUser(ctx, request);
      return embedCodes(ctx, await ownWidget(ctx, user.accountId, request.params.id));
    },
  );

  app.get('/v1/admin/sip-lines', { schema: { tags: ['admin'] } }, async (request) => {
    const { user } = await requireUser(ctx, request, ['admin']);
    return { lines: await ctx.store.widgets.sipLines(user.accountId) };
  });
}
