/**
 * Write-only secrets (bot tokens now; messenger and SIP trunk credentials later), kept in their
 * own table rather than in settings that every role reads. Repositories write them in the
 * transaction of what owns them; reads give only whether one is stored. The value itself is
 * read by {@link Store.secrets.get} alone, for the code that uses it — never for an answer or a log.
 */
import type { Kysely } from 'kysely';
import type { SecretOwner } from './secret-records';
import { assertStorableText, assertStorableTime } from './storable-values';
import type { Store } from './store';
import type { Tables } from './tables';

/** The secrets of {@link createStore}. */
export function secretsRepository(db: Kysely<Tables>): Store['secrets'] {
  return {
    async get(owner, name) {
      const row = await db
        .selectFrom('secrets')
        .select('value')
        .where('owner_kind', '=', owner.kind)
        .where('owner_id', '=', owner.id)
        .where('name', '=', name)
        .executeTakeFirst();
      return row?.value;
    },
  };
}

/** Stores each string of `changes` (replacing what was stored) and deletes each null, for `owner`. */
export async function writeSecrets(
  db: Kysely<Tables>,
  owner: SecretOwner,
  changes: ReadonlyMap<string, string | null>,
  now: number,
): Promise<void> {
  assertStorableTime('now', now);
  for (const [name, value] of changes) {
    const key = { owner_kind: owner.kind, owner_id: owner.id, name };
    if (value === null) {
      await db
        .deleteFrom('secrets')
        .where('owner_kind', '=', owner.kind)
        .where('owner_id', '=', owner.id)
        .where('name', '=', name)
        .execute();
      continue;
    }
    // The name, not the value: an error message must never carry a secret.
    assertStorableText(name, value);
    await db
      .insertInto('secrets')
      .values({ ...key, value, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['owner_kind', 'owner_id', 'name']).doUpdateSet({ value, updated_at: now }),
      )
      .execute();
  }
}

/** Deletes every secret of `owner` (it is gone, and so is any use for them). */
export async function deleteSecrets(db: Kysely<Tables>, owner: SecretOwner): Promise<void> {
  await db
    .deleteFrom('secrets')
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .execute();
}

/** The names of the secrets stored for each of `ids` (owners of `kind`); an owner with none is absent. */
export async function storedSecretNames(
  db: Kysely<Tables>,
  kind: SecretOwner['kind'],
  ids: readonly string[],
): Promise<Map<string, Set<string>>> {
  const names = new Map<string, Set<string>>();
  if (ids.length === 0) return names;
  const rows = await db
    .selectFrom('secrets')
    .select(['owner_id', 'name'])
    .where('owner_kind', '=', kind)
    .where('owner_id', 'in', ids)
    .execute();
  for (const row of rows) {
    const set = names.get(row.owner_id) ?? new Set<string>();
    set.add(row.name);
    names.set(row.owner_id, set);
  }
  return names;
}
