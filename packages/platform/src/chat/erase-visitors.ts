/**
 * The chat's part of erasing a person (contacts/erase-contact.ts): every message of the
 * conversations of their browsers reads as erased, the pages and hand-over notes go, their
 * messenger peers lose name, username and phone, their photos and files are deleted, and the
 * chat's contact rows are deleted.
 */
import type { Transaction } from 'kysely';
import type { Tables } from '../storage/tables';
import { withChannels } from './channels/channel-tables';

/**
 * Erases what the chat keeps of the visitors `visitorIds` of `accountId`, in `trx`, replacing
 * text by `marker`. Returns what they had written and called themselves (the visitor's
 * messages, the peers' names and phones), so other stores can look for quotes of it.
 */
export async function eraseVisitorChats(
  trx: Transaction<Tables>,
  accountId: string,
  visitorIds: readonly string[],
  marker: string,
): Promise<string[]> {
  if (visitorIds.length === 0) return [];
  const conversationIds = (
    await trx
      .selectFrom('conversations')
      .select('id')
      .where('account_id', '=', accountId)
      .where('visitor_id', 'in', visitorIds)
      .execute()
  ).map((row) => row.id);
  const written =
    conversationIds.length === 0
      ? []
      : await trx
          .selectFrom('chat_messages')
          .select('text')
          .where('conversation_id', 'in', conversationIds)
          .where('author', '=', 'visitor')
          .execute();
  const channels = withChannels(trx);
  const peers = await channels
    .selectFrom('channel_peers')
    .select(['display_name', 'username', 'phone'])
    .where('account_id', '=', accountId)
    .where('visitor_id', 'in', visitorIds)
    .execute();
  if (conversationIds.length > 0) {
    // Every author's text: an operator's reply may repeat the address or the number.
    await trx
      .updateTable('chat_messages')
      .set({ text: marker })
      .where('conversation_id', 'in', conversationIds)
      .execute();
    await trx
      .updateTable('conversations')
      .set({ page_url: null, page_title: null, transfer_note: null })
      .where('id', 'in', conversationIds)
      .execute();
    // Their photos and files go whole: a picture or a document is as personal as the text.
    await withChannels(trx)
      .deleteFrom('chat_attachments')
      .where('conversation_id', 'in', conversationIds)
      .execute();
  }
  await channels
    .updateTable('channel_peers')
    .set({ display_name: marker, username: null, phone: null })
    .where('account_id', '=', accountId)
    .where('visitor_id', 'in', visitorIds)
    .execute();
  await trx
    .deleteFrom('chat_contacts')
    .where('account_id', '=', accountId)
    .where('visitor_id', 'in', visitorIds)
    .execute();
  return [
    ...written.map((m) => m.text),
    ...peers.flatMap((p) => [p.display_name, p.username, p.phone]),
  ].filter((text): text is string => typeof text === 'string');
}
