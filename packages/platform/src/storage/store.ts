/**
 * The store: the repositories of types.ts over one open database. Each method is one statement or
 * one transaction, committed before its promise resolves.
 */
import { channelStore } from '../chat/channels/channel-store';
import { accountsRepository } from './accounts';
import { callHistoryRepository } from './call-history';
import { callsRepository } from './calls';
import { chatAutoRepliesRepository } from './chat-auto-replies';
import { chatContactsRepository } from './chat-contacts';
import { chatDistributionRepository } from './chat-distribution';
import { chatHandoffsRepository } from './chat-handoffs';
import { chatMessagesRepository } from './chat-messages';
import { chatVisitorsRepository } from './chat-visitors';
import { conversationsRepository } from './conversations';
import type { Database } from './database';
import { dueTasksRepository } from './due-tasks';
import { groupsRepository } from './groups';
import { missedRepository } from './missed';
import { ordersRepository } from './orders';
import { outboxRepository } from './outbox';
import { searchRepository } from './search';
import { secretsRepository } from './secrets';
import { sessionsRepository } from './sessions';
import { randomLineDigits } from './sip-lines';
import { trunksRepository } from './trunks';
import type { Store } from './types';
import { usersRepository } from './users';
import { randomWidgetKey } from './widget-keys';
import { widgetsRepository } from './widgets';

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
