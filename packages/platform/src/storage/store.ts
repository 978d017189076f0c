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
} from '../accounts/account-records';
import { accountsRepository } from '../accounts/accounts-store';
import { groupsRepository } from '../accounts/groups-store';
import { sessionsRepository } from '../accounts/sessions-store';
import { usersRepository } from '../accounts/users-store';
import { callHistoryRepository } from '../calls/call-history-store';
import type {
  CallHistoryRepository,
  CallsRepository,
  TrunksRepository,
} from '../calls/call-records';
import { callsRepository } from '../calls/calls-store';
import { randomLineDigits } from '../calls/sip-lines-store';
import { trunksRepository } from '../calls/trunks-store';
import { chatAutoRepliesRepository } from '../chat/auto-replies-store';
import { channelStore } from '../chat/channels/channel-store';
import type { ChannelStore } from '../chat/channels/channel-types';
import type { ChatStore } from '../chat/chat-records';
import { conversationsRepository } from '../chat/conversations-store';
import type { ChatDistributionStore } from '../chat/distribution-store';
import { chatDistributionRepository } from '../chat/distribution-store';
import { chatHandoffsRepository } from '../chat/handoffs-store';
import { chatMessagesRepository } from '../chat/messages-store';
import type { MissedStore } from '../chat/missed-store';
import { missedRepository } from '../chat/missed-store';
import { chatVisitorsRepository } from '../chat/visitors-store';
import { chatContactsRepository } from '../contacts/contacts-store';
import { dueTasksRepository } from '../orders/due-tasks-store';
import type { DueTasksRepository, OrdersRepository } from '../orders/order-records';
import { ordersRepository } from '../orders/orders-store';
import type { OutboxRepository } from '../outbox/outbox-records';
import { outboxRepository } from '../outbox/outbox-store';
import type { SearchStore } from '../search/search-store';
import { searchRepository } from '../search/search-store';
import { randomWidgetKey } from '../widgets/widget-keys';
import type { WidgetsRepository } from '../widgets/widget-records';
import { widgetsRepository } from '../widgets/widgets-store';
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
  };
}
