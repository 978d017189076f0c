/**
 * Every migration, by name; the names sort in the order they run. Imported, not read from a
 * folder at run time, so the platform bundles into one file. Add new ones as `002_…` and so on.
 */
import type { Migration } from 'kysely';
import * as core from './001_core';
import * as orders from './002_orders';
import * as calls from './010_calls';
import * as callHistoryCalls from './011_call_history_calls';
import * as chat from './012_chat';
import * as chatPublished from './013_chat_published';
import * as chatEmailHours from './014_chat_email_hours';
import * as secrets from './020_secrets';
import * as outboxKinds from './021_outbox_kinds';
import * as channels from './030_channels';
import * as trunks from './031_trunks';
import * as chatDistribution from './032_chat_distribution';
import * as callFailReason from './033_call_fail_reason';
import * as callHistoryResults from './034_call_history_results';
import * as addressBook from './035_address_book';
import * as callHistoryTrunks from './036_call_history_trunks';
import * as callbackAttempts from './037_callback_attempts';
import * as userLanguage from './038_user_language';
import * as chatAttachments from './040_chat_attachments';
import * as outboxOverdueTold from './041_outbox_overdue_told';

/** The migrations {@link migrate} applies, keyed by name. */
export const migrations: Readonly<Record<string, Migration>> = {
  '001_core': core,
  '002_orders': orders,
  '010_calls': calls,
  '011_call_history_calls': callHistoryCalls,
  '012_chat': chat,
  '013_chat_published': chatPublished,
  '014_chat_email_hours': chatEmailHours,
  '020_secrets': secrets,
  '021_outbox_kinds': outboxKinds,
  '030_channels': channels,
  '031_trunks': trunks,
  '032_chat_distribution': chatDistribution,
  '033_call_fail_reason': callFailReason,
  '034_call_history_results': callHistoryResults,
  '035_address_book': addressBook,
  '036_call_history_trunks': callHistoryTrunks,
  '037_callback_attempts': callbackAttempts,
  '038_user_language': userLanguage,
  '040_chat_attachments': chatAttachments,
  '041_outbox_overdue_told': outboxOverdueTold,
};
