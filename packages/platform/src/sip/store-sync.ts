import type { Store } from '../storage/types';

/**
 * The store, with every committed change of a call widget (create, update, delete — from the admin
 * API, the seed or anything else in this process) followed by `changed()`, which brings Kamailio's
 * tables in line before the write's promise resolves. `changed` must not throw; the edge's
 * periodic resync covers changes other processes make.
 */
export function syncingStore(store: Store, changed: () => Promise<void>): Store {
  const { widgets } = store;
  return {
    ...store,
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
