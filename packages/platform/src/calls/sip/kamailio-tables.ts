/**
 * Kamailio's tables that follow the database: per call widget its allowed origins (htable
 * `worigin`, a POSIX regex) and its line (`wline`); per trunk where and how to reach it (`trunk`).
 * Pushed over RPC entry by entry, only what changed since the last push to this Kamailio; all of
 * it again after Kamailio restarts. The trunks' registrations go to a db_text table Kamailio
 * reloads (trunk-files.ts).
 */
import type { PlatformEnv } from '../../env';
import type { Store } from '../../storage/store';
import type { Trunk } from '../call-records';
import { isCredentialPart } from './credentials';
import { originsRegex } from './origins';
import type { KamailioRpc } from './rpc';
import { uacregTable, writeRegistrations } from './trunk-files';

/** The tables of one edge. */
export interface KamailioTables {
  /** Brings the tables in line with the database; concurrent calls share one pass (and one more). */
  sync(): Promise<void>;
  /** Forgets what was pushed (a new Kamailio has empty tables). */
  reset(): void;
  /** The line pushed for widget `key`, if any. */
  pushedLine(key: string): string | undefined;
  /** Writes the registrations' table for a Kamailio about to start (which loads it). */
  writeRegistrations(): Promise<void>;
}

type Table = 'worigin' | 'wline' | 'trunk';
type Value = string | number;

/** Where the tables come from and go to. */
export interface TablesOptions {
  store: Store;
  env: PlatformEnv;
  /** The RPC of the running Kamailio (undefined while none runs). */
  rpc(): KamailioRpc | undefined;
  runtimeDir: string;
  /** Kamailio's sockets on the trunks' side, by transport (`udp:127.0.0.1:5080`). */
  trunkSockets(): Record<Trunk['transport'], string>;
}

/** The tables of the Kamailio `rpc()` reaches. */
export function kamailioTables(options: TablesOptions): KamailioTables {
  const { store, env, rpc } = options;
  let pushed = new Map<Table, Map<string, Value>>();
  let syncing: Promise<void> | undefined;
  let again = false;

  async function trunksWithPasswords() {
    return Promise.all(
      (await store.trunks.all()).map(async (trunk) => ({
        trunk,
        password: await store.secrets.get({ kind: 'trunk', id: trunk.id }, 'password'),
      })),
    );
  }

  /**
   * The registrations table the running Kamailio has loaded. uac reloads it at most every 150 s:
   * a table written but refused stays due, and the next sync (a change, or the periodic one)
   * tries again.
   */
  let loadedRegistrations: string | undefined;

  async function registrations(): Promise<string> {
    const table = uacregTable(await trunksWithPasswords(), options.trunkSockets());
    await writeRegistrations(options.runtimeDir, table);
    return table;
  }

  async function wanted(): Promise<Map<Table, Map<string, Value>>> {
    const want = new Map<Table, Map<string, Value>>([
      ['worigin', new Map()],
      ['wline', new Map()],
      ['trunk', new Map()],
    ]);
    for (const { trunk, password } of await trunksWithPasswords()) {
      const entries = want.get('trunk');
      entries?.set(`${trunk.id}::dst`, `${trunk.host}:${trunk.port};transport=${trunk.transport}`);
      entries?.set(`${trunk.id}::sock`, options.trunkSockets()[trunk.transport]);
      entries?.set(`${trunk.id}::host`, trunk.host);
      entries?.set(`${trunk.id}::user`, trunk.username);
      if (password !== undefined) entries?.set(`${trunk.id}::pass`, password);
      entries?.set(`${trunk.id}::pai`, trunk.callerIdHeader === 'pai' ? 1 : 0);
      entries?.set(`${trunk.id}::max`, trunk.maxCalls);
    }
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
      const have = pushed.get(table) ?? new Map<string, Value>();
      pushed.set(table, have);
      for (const [key, value] of entries) {
        if (have.get(key) === value) continue;
        await client.call(typeof value === 'number' ? 'htable.seti' : 'htable.sets', [
          table,
          key,
          value,
        ]);
        have.set(key, value);
      }
      for (const key of [...have.keys()]) {
        if (entries.has(key)) continue;
        await client.call('htable.delete', [table, key]);
        have.delete(key);
      }
    }
    const table = await registrations();
    if (table !== loadedRegistrations) {
      try {
        await client.call('uac.reg_reload');
        loadedRegistrations = table;
      } catch (error) {
        // "Failed to shift records": uac reloads at most every 150 s; the periodic sync retries.
        if (!/shift/.test(String(error))) throw error;
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
    pushedLine: (key) => {
      const line = pushed.get('wline')?.get(key);
      return typeof line === 'string' ? line : undefined;
    },
    writeRegistrations: async () => {
      // A Kamailio about to start loads it.
      loadedRegistrations = await registrations();
    },
  };
}
