/**
 * The dialog tables a Kamailio starts with: created when missing, kept when whole, and cut back
 * to their whole rows when a Kamailio was killed while writing them (it would not start on a
 * table without its header).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialogsDir, prepareDialogTables } from '../../../src/calls/sip/dialog-files';

describe('prepareDialogTables', () => {
  let dir: string;
  const table = (name: string) => readFile(join(dialogsDir(dir), name), 'utf8');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'frontdesk-dialogs-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('creates the missing tables with their headers and keeps saved rows', async () => {
    await prepareDialogTables(dir);
    const header = await table('dialog');
    expect(header).toMatch(/^id\(int,auto\) hash_entry\(int\) .* xdata\(string,null\)\n$/);
    const saved = `${header}1:2:3:a@b:x\n`;
    await writeFile(join(dialogsDir(dir), 'dialog'), saved);
    await prepareDialogTables(dir);
    expect(await table('dialog')).toBe(saved);
  });

  it('cuts a table written half-way back to its whole rows, or to its header', async () => {
    await prepareDialogTables(dir);
    const header = await table('dialog');
    await writeFile(join(dialogsDir(dir), 'dialog'), `${header}1:2:3:a@b:x\n4:5:6:c@`);
    await writeFile(join(dialogsDir(dir), 'dialog_vars'), '');
    await prepareDialogTables(dir);
    expect(await table('dialog')).toBe(`${header}1:2:3:a@b:x\n`);
    expect(await table('dialog_vars')).toMatch(/^id\(int,auto\) .*dialog_value\(string,null\)\n$/);
  });
});
