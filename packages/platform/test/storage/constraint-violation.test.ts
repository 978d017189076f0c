import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isForeignKeyViolation, uniqueViolation } from '../../src/storage/constraint-violation';
import type { Store } from '../../src/storage/store';
import { createStore } from '../../src/storage/store';
import { engines, type TestDatabase } from '../support/databases';
import { newAccount, newUser, orderInput, settingsFor } from '../support/store-fixtures';

describe.each(engines)('constraint violations on $name', (engine) => {
  let database: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    database = await engine.open();
    store = createStore(database);
  });
  afterAll(() => database?.drop());

  /** The error `write` fails with. */
  const failure = async (write: () => Promise<unknown>): Promise<unknown> => {
    try {
      await write();
    } catch (error) {
      return error;
    }
    throw new Error('the write succeeded');
  };

  it('names each unique constraint the repositories react to', async () => {
    const account = await newAccount(store);
    const user = await newUser(store, account.id);
    const widget = await store.widgets.create({
      accountId: account.id,
      type: 'call',
      name: 'W',
      settings: settingsFor('call'),
      now: 1,
    });
    const line = widget.sipLine?.split('@')[0] ?? '';
    const { db } = database;
    const cases = {
      'accounts.sip_domain': () =>
        db
          .insertInto('accounts')
          .values({
            id: 'a2',
            name: 'A',
            sip_domain: account.sipDomain,
            language: 'ru',
            created_at: 1,
          })
          .execute(),
      'users.email': () =>
        db
          .insertInto('users')
          .values({
            id: 'u2',
            account_id: account.id,
            email: user.email,
            name: 'U',
            role: 'admin',
            password_hash: 'h',
            photo_url: null,
            seq: 1,
            created_at: 1,
          })
          .execute(),
      'widgets.key': () =>
        sql`
          insert into widgets (id, account_id, key, type, name, active, settings, version, seq,
            created_at, updated_at)
          select 'w2', account_id, key, type, name, active, settings, version, seq, created_at,
            updated_at
          from widgets where id = ${widget.id}
        `.execute(db),
      'sip_lines.line': () =>
        db
          .insertInto('sip_lines')
          .values({
            account_id: account.id,
            line,
            widget_id: widget.id,
            created_at: 1,
            released_at: null,
          })
          .execute(),
      'idempotency_keys.key': async () => {
        const input = orderInput(widget, 1);
        await store.orders.place(input);
        const other = await store.orders.place({ ...input, idempotencyKey: 'another' });
        if (other.outcome === 'conflict') throw new Error('a fresh key conflicted');
        return db
          .insertInto('idempotency_keys')
          .values({
            widget_id: widget.id,
            key: input.idempotencyKey,
            request_hash: 'h',
            order_id: other.order.id,
            created_at: 1,
          })
          .execute();
      },
    };
    for (const [constraint, write] of Object.entries(cases)) {
      const error = await failure(write);
      expect(uniqueViolation(error), constraint).toBe(constraint);
      expect(isForeignKeyViolation(error)).toBe(false);
    }
  });

  it('tells foreign key violations apart, and other errors are neither', async () => {
    const orphan = await failure(() =>
      db()
        .insertInto('groups')
        .values({
          id: 'g',
          account_id: 'none',
          name: 'G',
          seq: 1,
          created_at: 1,
          chat_mode: 'everyone',
          chat_limit: 3,
          chat_answer_seconds: 0,
        })
        .execute(),
    );
    expect(isForeignKeyViolation(orphan)).toBe(true);
    expect(uniqueViolation(orphan)).toBeUndefined();
    const syntax = await failure(() => sql`selec 1`.execute(db()));
    expect(isForeignKeyViolation(syntax)).toBe(false);
    expect(uniqueViolation(syntax)).toBeUndefined();
    expect(uniqueViolation(new Error('UNIQUE constraint failed: users.email'))).toBeUndefined();
    expect(uniqueViolation(null)).toBeUndefined();
  });

  const db = () => database.db;
});
