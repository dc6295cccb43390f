export { createSearchAdapter } from './create-search-adapter.js';
export type { SearchAdapterOptions, SearchBackend, SearchSynthesizer } from './search-config.js';
