/** The console's search over conversations and orders. */
export { registerOpsSearch } from './ops-search';
export { type SearchStore, searchRepository } from './search-store';
