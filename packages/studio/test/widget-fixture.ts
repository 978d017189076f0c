/**
 * A stored widget and its editor over the fake platform, as the Studio's settings tests need them:
 * the account's people, saving answered with the next version, and any route a test adds.
 */
import type { WidgetSettings } from '@frontdesk/config';
import { LanguageContext } from '@frontdesk/staff';
import { render, screen } from '@testing-library/preact';
import { h } from 'preact';
import type { Widget } from '../src/api';
import { WidgetEditor } from '../src/widget-editor';
import { fakePlatform, type Handler, type SeenRequest, session } from './fake-platform';

/** Widget `w1` ("Shop", key `shop-<type>`, version 1) with `settings`; `more` overrides. */
export function storedWidget(settings: WidgetSettings, more: Partial<Widget> = {}): Widget {
  return {
    id: 'w1',
    key: `shop-${settings.type}`,
    type: settings.type,
    name: 'Shop',
    active: true,
    settings,
    version: 1,
    ...more,
  };
}

/** How {@link openEditor} opens it. */
export interface EditorOptions {
  tab?: string;
  language?: 'en' | 'ru';
  users?: { id: string; name: string }[];
  groups?: { id: string; name: string }[];
  /** More routes of the fake platform (a channel's status), or ones replacing the usual. */
  routes?: Record<string, Handler>;
}

/**
 * The editor of `widget` on its `tab` (Settings by default), in `language` (English), once its
 * heading shows; the requests the fake platform saw, and the rendered container.
 */
export async function openEditor(
  widget: Widget,
  { tab = 'basic', language = 'en', users = [], groups = [], routes = {} }: EditorOptions = {},
): Promise<{ seen: SeenRequest[]; container: Element }> {
  const seen = fakePlatform({
    [`GET /v1/admin/widgets/${widget.id}`]: () => ({ body: widget }),
    'GET /v1/admin/users': () => ({ body: { users } }),
    'GET /v1/admin/groups': () => ({ body: { groups } }),
    [`PATCH /v1/admin/widgets/${widget.id}`]: (body) => ({
      body: { ...widget, ...(body as object), version: widget.version + 1 },
    }),
    ...routes,
  });
  const { container } = render(
    h(
      LanguageContext.Provider,
      { value: { language, choose: async () => undefined } },
      h(WidgetEditor, { session, id: widget.id, tab }),
    ),
  );
  await screen.findByRole('heading', { level: 1 });
  return { seen, container };
}

/** The settings the editor's save sent. */
export function savedSettings<S extends WidgetSettings>(seen: SeenRequest[]): S {
  const patch = seen.find((r) => r.method === 'PATCH');
  if (!patch) throw new Error('nothing was saved');
  return (patch.body as { settings: S }).settings;
}
