/**
 * The rows of the channel tables (migrations 030_channels and 040_chat_attachments), for `db.withTables<ChannelTables>()`:
 * the channel repositories add them to the store's tables where they need them.
 */
import type { Messenger } from '@frontdesk/config';
import type { Kysely } from 'kysely';
import type { Tables } from '../../storage/tables';

/** The channel tables (a type, not an interface: `withTables` wants an index signature). */
export type ChannelTables = {
  channel_peers: ChannelPeerRow;
  channel_inbound: ChannelInboundRow;
  channel_deliveries: ChannelDeliveryRow;
  channel_leases: ChannelLeaseRow;
  channel_handoff_uses: ChannelHandoffUseRow;
  chat_attachments: ChatAttachmentRow;
};

/** The store's tables and the channel tables. */
export type AllTables = Tables & ChannelTables;

/** `db` (or a transaction) over the channel tables too. */
export function withChannels(db: Kysely<Tables>): Kysely<AllTables> {
  return db.withTables<ChannelTables>();
}

/** A row of `channel_peers`: a customer in one messenger, as one widget's bot knows them. */
export interface ChannelPeerRow {
  id: string;
  account_id: string;
  widget_id: string;
  messenger: Messenger;
  external_id: string;
  visitor_id: string;
  display_name: string;
  username: string | null;
  phone: string | null;
  created_at: number;
  updated_at: number;
}

/** A row of `channel_inbound`: an update stored once. */
export interface ChannelInboundRow {
  credential: string;
  external_id: string;
  peer_id: string;
  message_id: string | null;
  received_at: number;
}

/** A row of `channel_deliveries`: a reply in a messenger's outbox. */
export interface ChannelDeliveryRow {
  message_id: string;
  conversation_id: string;
  seq: number;
  peer_id: string;
  messenger: Messenger;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: number;
  claimed_by: string | null;
  claimed_at: number | null;
  last_error: string | null;
  external_id: string | null;
  sent_at: number | null;
  failed_at: number | null;
  created_at: number;
  /** The buttons the message carries (`rating`: the rating's marks), or none. */
  keyboard: DeliveryKeyboard | null;
}

/** The buttons a message to a messenger may carry: the rating's marks. */
export type DeliveryKeyboard = 'rating';

/** A row of `channel_leases`: who polls a credential, with the fence and the cursor. */
export interface ChannelLeaseRow {
  credential: string;
  holder: string;
  fence: number;
  expires_at: number;
  cursor: number;
  connected_at: number | null;
  last_update_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
  webhook_url: string | null;
  webhook_secret: string | null;
}

/** A row of `channel_handoff_uses`: a hand-off token used (a token works once). */
export interface ChannelHandoffUseRow {
  token: string;
  peer_id: string;
  used_at: number;
}

/** A row of `chat_attachments`: a customer's photo or file, fetched after its message. */
export interface ChatAttachmentRow {
  id: string;
  message_id: string;
  conversation_id: string;
  account_id: string;
  widget_id: string;
  position: number;
  messenger: Messenger;
  kind: 'image' | 'file';
  source: string;
  file_name: string | null;
  declared_type: string | null;
  declared_size: number | null;
  status: 'pending' | 'fetching' | 'stored' | 'failed';
  attempts: number;
  next_attempt_at: number;
  claimed_by: string | null;
  claimed_at: number | null;
  last_error: string | null;
  content_type: string | null;
  size: number | null;
  created_at: number;
  settled_at: number | null;
  data: Uint8Array | null;
}
