import type { Store } from '../../storage/store';

/**
 * The store, with every committed change of a call widget or a trunk (create, update, delete —
 * from the admin API, the seed or anything else in this process) followed by `changed()`, which
 * brings Kamailio's tables (and trunk registrations) in line before the write's promise resolves.
 * `changed` must not throw; the edge's periodic resync covers changes other processes make.
 */
export function syncingStore(store: Store, changed: () => Promise<void>): Store {
  const { widgets, trunks } = store;
  return {
    ...store,
    trunks: {
      ...trunks,
      async create(input) {
        const trunk = await trunks.create(input);
        await changed();
        return trunk;
      },
      async update(id, patch) {
        const trunk = await trunks.update(id, patch);
        if (trunk) await changed();
        return trunk;
      },
      async delete(id) {
        const deleted = await trunks.delete(id);
        if (deleted) await changed();
        return deleted;
      },
    },
    widgets: {
      ...widgets,
      async create(input) {
        const widget = await widgets.create(input);
        if (widget.type === 'call') await changed();
        return widget;
      },
      async update(id, patch) {
        const widget = await widgets.update(id, patch);
        if (widget?.type === 'call') await changed();
        return widget;
      },
      async softDelete(id, input) {
        const deleted = await widgets.softDelete(id, input);
        if (deleted) await changed();
        return deleted;
      },
    },
  };
}
