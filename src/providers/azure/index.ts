export { createAzureAdapter } from './create-azure-adapter.js';
export type { AzureAdapterOptions } from './create-azure-adapter.js';
