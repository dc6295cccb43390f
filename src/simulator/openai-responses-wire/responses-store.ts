import type { SimulatorState } from '../simulator-state.js';
import type { ResponseObject } from './render-response-object.js';
import type { ResponsesItem } from './responses-wire-types.js';

/** A response created with `store` on, kept for `GET`/`DELETE …/responses/{id}` and `previous_response_id`. */
export interface StoredResponse {
  response: ResponseObject;
  /**
   * The conversation the response answered, without its instructions (OpenAI does not carry those over
   * to a continuation); a continuation appends `response.output` and then its own input.
   */
  conversation: readonly ResponsesItem[];
}

/** Oldest responses are forgotten beyond this, so a long benchmark cannot grow the simulator's memory. */
const storedResponseLimit = 1000;

/** One store per simulator instance, kept beside its state rather than in it (the state is shared). */
const stores = new WeakMap<SimulatorState, Map<string, StoredResponse>>();

export function getResponsesStore(state: SimulatorState): Map<string, StoredResponse> {
  let store = stores.get(state);
  if (store === undefined) {
    store = new Map();
    stores.set(state, store);
  }
  return store;
}

export function storeResponse(state: SimulatorState, stored: StoredResponse): void {
  const store = getResponsesStore(state);
  store.delete(stored.response.id);
  store.set(stored.response.id, stored);
  if (store.size > storedResponseLimit) store.delete(store.keys().next().value!);
}
