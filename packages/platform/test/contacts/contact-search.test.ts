/** The address book's phone search by first digits, whatever the database's collation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterPrefix } from '../../src/contacts/contact-search';
import { createStore, type Store } from '../../src/storage/store';
import { postgresEngine, type TestDatabase } from '../support/databases';
import { newAccount } from '../support/store-fixtures';

describe('afterPrefix', () => {
  it('is the least digit string after every one the prefix starts', () => {
    expect(afterPrefix('7999')).toBe('8');
    expect(afterPrefix('79')).toBe('8');
    expect(afterPrefix('7912')).toBe('7913');
    expect(afterPrefix('375290')).toBe('375291');
    expect(afterPrefix('999')).toBeUndefined();
  });
});

// PostgreSQL's usual collations (ICU, glibc's en_US) do not sort `:` after the digits as the C
// collation of the test server does.
describe('phone search on PostgreSQL in an ICU collation', () => {
  let database: TestDatabase;
  let store: Store;
  let accountId: string;

  beforeAll(async () => {
    database = await postgresEngine.open({ icuLocale: 'en-US' });
    store = createStore(database);
    accountId = (await newAccount(store)).id;
    for (const phone of ['+79991234567', '+79123456789', '+998901234567']) {
      await store.addressBook.remember({ accountId, phone, now: 1 });
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  const found = async (q: string) =>
    (await store.addressBook.list({ accountId, q, limit: 50 })).items.map((c) => c.phone).sort();

  it('finds a phone by its first digits, in any format', async () => {
    expect(await found('8 999')).toEqual(['+79991234567']);
    expect(await found('+7 912')).toEqual(['+79123456789']);
    expect(await found('+998 90')).toEqual(['+998901234567']);
    expect(await found('790')).toEqual([]);
  });
});
