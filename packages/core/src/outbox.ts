/**
 * An outbox: what a visitor sent that the platform has not confirmed yet (callback orders kept
 * offline, chat messages), each under its own id, kept in the widget's consent-first storage so
 * it outlives a page load once the visitor interacted. Items are sent again with the same id, so
 * the platform stores each once however often it arrives.
 */
import type { ConsentStorage } from './consent-storage';

/** The items kept under one storage name, oldest first. */
export interface Outbox<T> {
  /** The kept items (none when the stored value is unreadable). */
  list(): T[];
  /** Keeps `item` last, replacing one with the same id. */
  keep(item: T): void;
  /** Takes the item `id` out (stored, or refused for good). */
  drop(id: string): void;
}

/** The outbox `name` in `storage`, its items told apart by `idOf`. */
export function outbox<T>(
  storage: ConsentStorage,
  name: string,
  idOf: (item: T) => string,
): Outbox<T> {
  const list = (): T[] => {
    try {
      const value = JSON.parse(storage.get(name) ?? '[]');
      return Array.isArray(value) ? value : [];
    } catch {
      return [];
    }
  };
  const write = (items: T[]) => {
    if (items.length) storage.set(name, JSON.stringify(items));
    else storage.remove(name);
  };
  const without = (id: string) => list().filter((item) => idOf(item) !== id);
  return {
    list,
    keep: (item) => write([...without(idOf(item)), item]),
    drop: (id) => {
      const kept = list();
      if (kept.some((item) => idOf(item) === id)) write(without(id));
    },
  };
}
