/**
 * The dialog module's tables, as db_text in the edge's runtime directory (`dialogs/`): Kamailio
 * keeps every call there (written to disk after each answer, confirming ACK and hang-up, route
 * CALL_EVENTS), so a Kamailio started after one that died loads the calls it lost, and the edge
 * ends them (lost-calls.ts). The tables' rows are Kamailio's: only missing files are created here, and
 * files a Kamailio killed while writing them (`db_text.dump` rewrites a table in place) left cut
 * short are cut back to their whole rows: Kamailio refuses to start on a table without its header.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Kamailio 5.6's `dialog` (version 7) and `dialog_vars` (version 1), as db_text headers; a
 * variable's value may be empty, which db_text reads back as null.
 */
const TABLES = {
  dialog:
    'id(int,auto) hash_entry(int) hash_id(int) callid(string) from_uri(string) from_tag(string) to_uri(string) to_tag(string) caller_cseq(string) callee_cseq(string) caller_route_set(string,null) callee_route_set(string,null) caller_contact(string) callee_contact(string) caller_sock(string) callee_sock(string) state(int) start_time(int) timeout(int) sflags(int) iflags(int) toroute_name(string,null) req_uri(string) xdata(string,null)',
  dialog_vars:
    'id(int,auto) hash_entry(int) hash_id(int) dialog_key(string) dialog_value(string,null)',
} as const;

/** The directory of the dialog tables under `runtimeDir`. */
export function dialogsDir(runtimeDir: string): string {
  return join(runtimeDir, 'dialogs');
}

/**
 * Creates the dialog tables that are missing (empty), keeping the saved ones' whole rows (none
 * when even the header was cut short).
 */
export async function prepareDialogTables(runtimeDir: string): Promise<void> {
  const dir = dialogsDir(runtimeDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(
    join(dir, 'version'),
    'table_name(string) table_version(int)\ndialog:7\ndialog_vars:1\n',
    { mode: 0o600 },
  );
  for (const [table, header] of Object.entries(TABLES)) {
    const file = join(dir, table);
    const saved = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    const whole = wholeRows(saved, header);
    if (whole !== saved) await writeFile(file, whole, { mode: 0o600 });
  }
}

/** `saved` up to its last whole line, or `header` alone when the file is missing or cut in it. */
function wholeRows(saved: string | undefined, header: string): string {
  if (saved === undefined || !saved.startsWith(`${header}\n`)) return `${header}\n`;
  return saved.slice(0, saved.lastIndexOf('\n') + 1);
}
