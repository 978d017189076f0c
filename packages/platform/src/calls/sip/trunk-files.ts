/**
 * The uac module's registrations of the trunks that want them, as a db_text table in the edge's
 * runtime directory (`db/uacreg`), which the edge rewrites when trunks change and Kamailio reloads.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Trunk } from '../call-records';

/** Kamailio's `uacreg` (version 5); what may be left empty is nullable (db_text reads '' as null). */
const UACREG_COLUMNS =
  'id(int,auto) l_uuid(string) l_username(string) l_domain(string) r_username(string) r_domain(string) realm(string,null) auth_username(string) auth_password(string) auth_ha1(string,null) auth_proxy(string) expires(int) flags(int) reg_delay(int) contact_addr(string,null) socket(string)';

/** A db_text value: `:` and `\` escaped, newlines impossible in what the API admits. */
function field(value: string | number): string {
  return String(value).replace(/[\\:]/g, (c) => `\\${c}`);
}

/** The registration rows of the trunks that register, as db_text lines. */
export function uacregTable(
  trunks: readonly { trunk: Trunk; password: string | undefined }[],
  sockets: Record<Trunk['transport'], string>,
): string {
  const rows = trunks
    .filter(({ trunk }) => trunk.register)
    .map(({ trunk, password }, index) =>
      [
        index + 1,
        trunk.id,
        trunk.username,
        trunk.host,
        trunk.username,
        trunk.host,
        '',
        trunk.username,
        password ?? '',
        '',
        `sip:${trunk.host}:${trunk.port};transport=${trunk.transport}`,
        600,
        0,
        0,
        '',
        sockets[trunk.transport],
      ]
        .map(field)
        .join(':'),
    );
  return `${[UACREG_COLUMNS, ...rows].join('\n')}\n`;
}

/** Writes the registrations table (and db_text's version table) when it changed. */
export async function writeRegistrations(runtimeDir: string, table: string): Promise<void> {
  const dir = join(runtimeDir, 'db');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(dir, 'version'), 'table_name(string) table_version(int)\nuacreg:5\n', {
    mode: 0o600,
  });
  const file = join(dir, 'uacreg');
  const before = await readFile(file, 'utf8').catch(() => undefined);
  if (before !== table) await writeFile(file, table, { mode: 0o600 });
}
