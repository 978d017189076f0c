/**
 * Calls a Kamailio lost when it died: the new one loads their dialogs (saved with db_text,
 * dialog-files.ts), but the browsers' WebSockets went with the old one, so nobody can talk in
 * them any more. The edge ends each (`dlg.end_dlg`: a BYE to both sides — the trunk's phone hangs
 * up) and its media session in rtpengine; the edge records its end in the call history itself
 * (edge.ts), as Kamailio's `dialog:end` may never come for a dialog whose browser side is gone.
 */
import type { EdgeLogger } from './edge-log';
import type { KamailioRpc } from './rpc';
import { ngCommand } from './rtpengine-ng';

/** What `dlg.list` tells of a dialog (the fields used here). */
interface ListedDialog {
  h_entry: number;
  h_id: number;
  'call-id': string;
}

function isListedDialog(value: unknown): value is ListedDialog {
  const dialog = value as Partial<ListedDialog> | null;
  return (
    typeof dialog?.h_entry === 'number' &&
    typeof dialog.h_id === 'number' &&
    typeof dialog['call-id'] === 'string'
  );
}

/** Ends every dialog Kamailio has now; their Call-IDs. Run before Kamailio takes calls. */
export async function endLostCalls(
  rpc: KamailioRpc,
  ngPort: number,
  log: EdgeLogger,
): Promise<string[]> {
  const listed = await rpc.call('dlg.list');
  const dialogs = (Array.isArray(listed) ? listed : []).filter(isListedDialog);
  for (const dialog of dialogs) {
    log.warn(`SIP edge: ending call ${dialog['call-id']}, lost when Kamailio stopped`);
    await rpc.call('dlg.end_dlg', [dialog.h_entry, dialog.h_id]).catch((error: unknown) => {
      log.error(`SIP edge: could not end call ${dialog['call-id']}`, error);
    });
    // At once: rtpengine otherwise keeps a deleted call 30 s.
    await ngCommand(ngPort, {
      command: 'delete',
      'call-id': dialog['call-id'],
      'delete-delay': 0,
    }).catch(() => undefined);
  }
  return dialogs.map((dialog) => dialog['call-id']);
}
