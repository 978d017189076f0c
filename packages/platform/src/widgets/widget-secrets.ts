/**
 * A widget's settings and its secrets apart: what is written to the settings JSON never holds a
 * secret, and what is read back shows `{ set }` where each one sits (SECRET_PATHS of
 * @frontdesk/config).
 */
import { SECRET_PATHS, type WidgetSettings } from '@frontdesk/config';

type Node = Record<string, unknown>;

/** The object holding the secret at `path` inside `root`, if it is there, and the secret's key. */
function holder(root: unknown, path: string): { parent: Node | undefined; key: string } {
  const keys = path.split('.');
  const key = keys.pop() ?? '';
  let node: unknown = root;
  for (const k of keys)
    node = node !== null && typeof node === 'object' ? (node as Node)[k] : undefined;
  const parent = node !== null && typeof node === 'object' ? (node as Node) : undefined;
  return { parent, key };
}

/**
 * `settings` without secrets (a copy), and the changes they ask for by secret name: a string
 * replaces, null clears. Left out or `{ set }` is no change; a secret whose object is gone (a
 * disconnected channel) is cleared.
 */
export function splitSecrets(settings: WidgetSettings): {
  settings: WidgetSettings;
  changes: Map<string, string | null>;
} {
  const copy = structuredClone(settings);
  const changes = new Map<string, string | null>();
  for (const path of SECRET_PATHS[copy.type] ?? []) {
    const { parent, key } = holder(copy, path);
    const value = parent?.[key];
    if (parent) delete parent[key];
    if (!parent || value === null) changes.set(path, null);
    else if (typeof value === 'string') changes.set(path, value);
  }
  return { settings: copy, changes };
}

/** `settings` (changed in place) with `{ set }` at each secret whose object is there. */
export function withSecretStates(
  settings: WidgetSettings,
  stored: ReadonlySet<string>,
): WidgetSettings {
  for (const path of SECRET_PATHS[settings.type] ?? []) {
    const { parent, key } = holder(settings, path);
    if (parent) parent[key] = { set: stored.has(path) };
  }
  return settings;
}
