import { randomUUID } from 'node:crypto';
import {
  SECRET_PATHS,
  upgradeSettings,
  type WidgetSettings,
  type WidgetType,
} from '@frontdesk/config';
import type { Kysely, Updateable } from 'kysely';
import type { SipLine } from '../calls/call-records';
import { allocateLine } from '../calls/sip-lines-store';
import { uniqueViolation } from '../storage/constraint-violation';
import { nextSeq } from '../storage/insertion-order';
import { deleteSecrets, storedSecretNames, writeSecrets } from '../storage/secrets';
import { assertStorableText, assertStorableTime } from '../storage/storable-values';
import type { Store } from '../storage/store';
import { StoreError } from '../storage/store-error';
import type { SipLineRow, Tables, WidgetRow } from '../storage/tables';
import type { Widget } from './widget-records';
import { splitSecrets, withSecretStates } from './widget-secrets';

/** Where the widgets repository gets its randomness; tests pass their own. */
export interface WidgetRandomness {
  /** Five digits of a SIP line, 10000–99999. */
  randomDigits: () => number;
  /** A public widget key for a widget created without one. */
  randomKey: () => string;
}

/** Attempts at creating a widget whose generated key or line another process took meanwhile. */
const CREATE_ATTEMPTS = 5;

/**
 * The widgets of {@link createStore}. Settings are kept as JSON text and come back as a fresh
 * object; their secrets are kept apart (secrets.ts) and come back as `{ set }`. A deleted widget
 * keeps its key and line (neither is ever given to another widget) and can no longer be updated.
 */
export function widgetsRepository(db: Kysely<Tables>, random: WidgetRandomness): Store['widgets'] {
  return {
    async create(input) {
      assertStorableText('name', input.name);
      if (input.key !== undefined) assertStorableText('key', input.key);
      assertStorableTime('now', input.now);
      const split = splitSecrets(input.settings);
      const settings = JSON.stringify(split.settings);
      for (let attempt = 1; ; attempt++) {
        const key = input.key ?? random.randomKey();
        try {
          return await db.transaction().execute(async (trx) => {
            const account = await trx
              .selectFrom('accounts')
              .select('sip_domain')
              .where('id', '=', input.accountId)
              .executeTakeFirst();
            if (!account) throw new StoreError('not_found', 'accountId', 'no such account');
            const id = randomUUID();
            const line = ownsLine(input.type)
              ? await allocateLine(trx, input.accountId, random.randomDigits)
              : null;
            const row: Omit<WidgetRow, 'seq'> = {
              id,
              account_id: input.accountId,
              key,
              type: input.type,
              name: input.name,
              active: input.active === false ? 0 : 1,
              settings,
              version: 1,
              sip_line: line === null ? null : `${line}@${account.sip_domain}`,
              created_at: input.now,
              updated_at: input.now,
              deleted_at: null,
              delete_reason: null,
            };
            await trx
              .insertInto('widgets')
              .values({ ...row, seq: nextSeq('widgets') })
              .execute();
            if (line !== null) {
              await trx
                .insertInto('sip_lines')
                .values({
                  account_id: input.accountId,
                  line,
                  widget_id: id,
                  created_at: input.now,
                  released_at: null,
                })
                .execute();
            }
            await writeSecrets(trx, { kind: 'widget', id }, split.changes, input.now);
            return toWidget(row, setNames(split.changes));
          });
        } catch (error) {
          const violated = uniqueViolation(error);
          // A generated key that exists, or a line another PostgreSQL transaction took between our
          // check and our insert (SQLite write transactions never overlap): pick again. A key the
          // caller chose that exists is the caller's conflict.
          const retry =
            violated === 'sip_lines.line' ||
            (violated === 'widgets.key' && input.key === undefined);
          if (retry && attempt < CREATE_ATTEMPTS) continue;
          if (violated === 'widgets.key') {
            throw new StoreError('conflict', 'key', `a widget with the key "${key}" exists`);
          }
          throw error;
        }
      }
    },

    async get(id) {
      const row = await db
        .selectFrom('widgets')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && (await widgetsOf(db, [row]))[0];
    },

    async byKey(key) {
      const row = await db
        .selectFrom('widgets')
        .selectAll()
        .where('key', '=', key)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return row && (await widgetsOf(db, [row]))[0];
    },

    async list(accountId) {
      const rows = await db
        .selectFrom('widgets')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        .orderBy('seq')
        .execute();
      return widgetsOf(db, rows);
    },

    /** Applies the patch to a live widget, bumping its version; undefined if missing or deleted. */
    async update(id, patch) {
      assertStorableTime('now', patch.now);
      const values: Updateable<WidgetRow> = { updated_at: patch.now };
      if (patch.name !== undefined) {
        assertStorableText('name', patch.name);
        values.name = patch.name;
      }
      if (patch.active !== undefined) values.active = patch.active ? 1 : 0;
      const split = patch.settings && splitSecrets(patch.settings);
      if (split) values.settings = JSON.stringify(split.settings);
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('widgets')
          .set(values)
          .set((eb) => ({ version: eb('version', '+', 1) }))
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .returningAll()
          .executeTakeFirst();
        if (!row) return undefined;
        if (split) await writeSecrets(trx, { kind: 'widget', id }, split.changes, patch.now);
        return (await widgetsOf(trx, [row]))[0];
      });
    },

    async softDelete(id, { reason, now }) {
      if (reason !== null) assertStorableText('reason', reason);
      assertStorableTime('now', now);
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('widgets')
          .set({ deleted_at: now, delete_reason: reason, updated_at: now })
          .set((eb) => ({ version: eb('version', '+', 1) }))
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (result.numUpdatedRows === 0n) return false;
        await deleteSecrets(trx, { kind: 'widget', id });
        await trx
          .updateTable('sip_lines')
          .set({ released_at: now })
          .where('widget_id', '=', id)
          .where('released_at', 'is', null)
          .execute();
        return true;
      });
    },

    async sipLines(accountId) {
      const rows = await db
        .selectFrom('sip_lines')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('created_at')
        .orderBy('line')
        .execute();
      return rows.map(toSipLine);
    },
  };
}

/** Call and callback widgets ring operators on a SIP line; chat needs none. */
function ownsLine(type: WidgetType): boolean {
  return type === 'call' || type === 'callback';
}

/** The widgets of `rows`, each with `{ set }` at its secrets (one query for them all). */
export async function widgetsOf(db: Kysely<Tables>, rows: WidgetRow[]): Promise<Widget[]> {
  const stored = await storedSecretNames(
    db,
    'widget',
    rows.filter((row) => SECRET_PATHS[row.type as WidgetType]?.length).map((row) => row.id),
  );
  return rows.map((row) => toWidget(row, stored.get(row.id) ?? new Set()));
}

/** The names of the secrets `changes` leaves stored on a new widget. */
function setNames(changes: ReadonlyMap<string, string | null>): Set<string> {
  return new Set([...changes].filter(([, value]) => value !== null).map(([name]) => name));
}

/** A widget as the store returns it, from its row and the names of its stored secrets. */
function toWidget(row: Omit<WidgetRow, 'seq'>, secrets: ReadonlySet<string>): Widget {
  return {
    id: row.id,
    accountId: row.account_id,
    key: row.key,
    type: row.type as WidgetType,
    name: row.name,
    active: row.active === 1,
    // The store wrote this text from a WidgetSettings, maybe of the shape before texts had
    // languages (read as today's, nothing lost); validating it again is the reader's call.
    settings: withSecretStates(
      upgradeSettings(JSON.parse(row.settings)) as WidgetSettings,
      secrets,
    ),
    version: row.version,
    sipLine: row.sip_line,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    deleteReason: row.delete_reason,
  };
}

function toSipLine(row: SipLineRow): SipLine {
  return {
    line: row.line,
    accountId: row.account_id,
    widgetId: row.widget_id,
    createdAt: row.created_at,
    releasedAt: row.released_at,
  };
}
