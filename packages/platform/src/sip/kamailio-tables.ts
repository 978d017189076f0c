/**
 * Kamailio's tables that follow the database: per call widget its allowed origins (htable
 * `worigin`, a POSIX regex) and its line (`wline`). Pushed over RPC entry by entry, only what
 * changed since the last push to this Kamailio; all of it again after Kamailio restarts.
 */
import type { PlatformEnv } from '../env';
import type { Store } from '../storage/types';
import { isCredentialPart } from './credentials';
import { originsRegex } from './origins';
import type { KamailioRpc } from './rpc';

/** The tables of one edge. */
export interface KamailioTables {
  /** Brings the tables in line with the database; concurrent calls share one pass (and one more). */
  sync(): Promise<void>;
  /** Forgets what was pushed (a new Kamailio has empty tables). */
  reset(): void;
  /** The line pushed for widget `key`, if any. */
  pushedLine(key: string): string | undefined;
}

type Table = 'worigin' | 'wline';

/** The tables of the Kamailio `rpc()` reaches (none while it returns undefined). */
export function kamailioTables(
  store: Store,
  env: PlatformEnv,
  rpc: () => KamailioRpc | undefined,
): KamailioTables {
  let pushed = new Map<Table, Map<string, string>>();
  let syncing: Promise<void> | undefined;
  let again = false;

  async function wanted(): Promise<Map<Table, Map<string, string>>> {
    const want = new Map<Table, Map<string, string>>([
      ['worigin', new Map()],
      ['wline', new Map()],
    ]);
    for (const widget of await store.calls.callWidgets()) {
      // `ops` is the operators' WebSocket path, never a widget's.
      if (!isCredentialPart(widget.key) || widget.key === 'ops' || widget.sipLine === null)
        continue;
      // The platform's own pages (the Test-widget page, the pop-out call window) may call too.
      want
        .get('worigin')
        ?.set(widget.key, originsRegex([...widget.settings.allowedOrigins, env.publicUrl]));
      want.get('wline')?.set(widget.key, widget.sipLine);
    }
    return want;
  }

  async function once(): Promise<void> {
    const client = rpc();
    if (!client) return;
    const want = await wanted();
    for (const [table, entries] of want) {
      const have = pushed.get(table) ?? new Map<string, string>();
      pushed.set(table, have);
      for (const [key, value] of entries) {
        if (have.get(key) === value) continue;
        await client.call('htable.sets', [table, key, value]);
        have.set(key, value);
      }
      for (const key of [...have.keys()]) {
        if (entries.has(key)) continue;
        await client.call('htable.delete', [table, key]);
        have.delete(key);
      }
    }
  }

  return {
    sync() {
      if (syncing) {
        again = true;
        return syncing;
      }
      syncing = (async () => {
        try {
          do {
            again = false;
            await once();
          } while (again);
        } finally {
          syncing = undefined;
        }
      })();
      return syncing;
    },
    reset() {
      pushed = new Map();
    },
    pushedLine: (key) => pushed.get('wline')?.get(key),
  };
}
