/**
 * The store: the repositories of types.ts over one open database. Each method is one statement or
 * one transaction, committed before its promise resolves.
 */
import { channelStore } from '../chat/channels/channel-store';
import { accountsRepository } from '../accounts/accounts-store';
import { callHistoryRepository } from '../calls/call-history-store';
import { callsRepository } from '../calls/calls-store';
import { chatAutoRepliesRepository } from '../chat/auto-replies-store';
import { chatContactsRepository } from '../contacts/contacts-store';
import { chatDistributionRepository } from '../chat/distribution-store';
import { chatHandoffsRepository } from '../chat/handoffs-store';
import { chatMessagesRepository } from '../chat/messages-store';
import { chatVisitorsRepository } from '../chat/visitors-store';
import { conversationsRepository } from '../chat/conversations-store';
import type { Database } from './database';
import { dueTasksRepository } from '../orders/due-tasks-store';
import { groupsRepository } from '../accounts/groups-store';
import { missedRepository } from '../chat/missed-store';
import { ordersRepository } from '../orders/orders-store';
import { outboxRepository } from '../outbox/outbox-store';
import { searchRepository } from '../search/search-store';
import { secretsRepository } from './secrets';
import { sessionsRepository } from '../accounts/sessions-store';
import { randomLineDigits } from '../calls/sip-lines-store';
import { trunksRepository } from '../calls/trunks-store';
import type { Store } from './types';
import { usersRepository } from '../accounts/users-store';
import { randomWidgetKey } from '../widgets/widget-keys';
import { widgetsRepository } from '../widgets/widgets-store';

/** Sources of time and randomness to replace, so tests can pin them. */
export interface StoreOptions {
  /**
   * The clock stamping `createdAt` of accounts, users and groups (widget and session methods take
   * their times as arguments); default: Date.now.
   */
  now?: () => number;
  /** Five digits of a new SIP line, 10000–99999; default: crypto.randomInt. */
  randomDigits?: () => number;
  /** The key of a widget created without one; default: `w` + 11 random base32 characters. */
  randomKey?: () => string;
}

/** The store over `database`, which must be migrated (see migrate.ts). */
export function createStore(database: Database, options: StoreOptions = {}): Store {
  const { db, engine } = database;
  const now = options.now ?? Date.now;
  return {
    accounts: accountsRepository(db, now),
    users: usersRepository(db, now),
    groups: groupsRepository(db, now),
    sessions: sessionsRepository(db),
    widgets: widgetsRepository(db, {
      randomDigits: options.randomDigits ?? randomLineDigits,
      randomKey: options.randomKey ?? randomWidgetKey,
    }),
    trunks: trunksRepository(db),
    secrets: secretsRepository(db),
    orders: ordersRepository(db),
    dueTasks: dueTasksRepository(db, engine),
    outbox: outboxRepository(db, engine),
    callHistory: callHistoryRepository(db),
    calls: callsRepository(db),
    chatVisitors: chatVisitorsRepository(db),
    conversations: conversationsRepository(db, engine),
    chatMessages: chatMessagesRepository(db, engine),
    chatContacts: chatContactsRepository(db),
    chatHandoffs: chatHandoffsRepository(db),
    chatAutoReplies: chatAutoRepliesRepository(db, engine),
    // The messenger channels keep their storage with their code (src/chat/channels/).
    channels: channelStore(db, engine),
    search: searchRepository(db, engine),
    chatDistribution: chatDistributionRepository(db, engine),
    missed: missedRepository(db),
  };
}
