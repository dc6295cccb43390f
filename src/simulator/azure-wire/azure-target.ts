import type { AzureOperation } from './render-azure-failure.js';

/** Where an Azure request is going, once its route, version and key were checked. */
export interface AzureTarget {
  /** From the path on the dated API; undefined on v1, where the body's `model` names it. */
  deployment?: string;
  operation: AzureOperation;
  apiKey: string;
}
