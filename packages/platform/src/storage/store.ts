/**
 * The store: every feature's repository over one open database (two engines: SQLite by default,
 * PostgreSQL with DATABASE_URL). Each method is one statement or one transaction, committed before
 * its promise resolves; both engines return the same values, strings byte-identical, times in
 * epoch milliseconds.
 */
import type {
  AccountsRepository,
  GroupsRepository,
  SessionsRepository,
  UsersRepository,
} from '../accounts';
import {
  accountsRepository,
  groupsRepository,
  sessionsRepository,
  usersRepository,
} from '../accounts';
import type { CallHistoryRepository, CallsRepository, TrunksRepository } from '../calls';
import {
  callHistoryRepository,
  callsRepository,
  randomLineDigits,
  trunksRepository,
} from '../calls';
import type { ChannelStore, ChatDistributionStore, ChatStore, MissedStore } from '../chat';
import {
  channelStore,
  chatAutoRepliesRepository,
  chatDistributionRepository,
  chatHandoffsRepository,
  chatMessagesRepository,
  chatVisitorsRepository,
  conversationsRepository,
  missedRepository,
} from '../chat';
import type { AddressBookRepository } from '../contacts';
import { addressBookRepository, chatContactsRepository } from '../contacts';
import type { DueTasksRepository, OrdersRepository } from '../orders';
import { dueTasksRepository, ordersRepository } from '../orders';
import type { OutboxRepository } from '../outbox';
import { outboxRepository } from '../outbox';
import type { SearchStore } from '../search';
import { searchRepository } from '../search';
import type { WidgetsRepository } from '../widgets';
import { randomWidgetKey, widgetsRepository } from '../widgets';
import type { Database } from './database';
import type { SecretsRepository } from './secret-records';
import { secretsRepository } from './secrets';

/** Repositories over one database; every write is committed before its promise resolves. */
export interface Store extends ChatStore, SearchStore, MissedStore {
  chatDistribution: ChatDistributionStore;
  /** The messenger channels: peers, inbound updates, the replies' outbox, leases (src/chat/channels/). */
  channels: ChannelStore;
  accounts: AccountsRepository;
  users: UsersRepository;
  groups: GroupsRepository;
  sessions: SessionsRepository;
  widgets: WidgetsRepository;
  trunks: TrunksRepository;
  secrets: SecretsRepository;
  orders: OrdersRepository;
  dueTasks: DueTasksRepository;
  outbox: OutboxRepository;
  callHistory: CallHistoryRepository;
  calls: CallsRepository;
  /** The address book: contacts from every source, merged by phone and e-mail. */
  addressBook: AddressBookRepository;
}

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
    addressBook: addressBookRepository(db, engine),
  };
}
