import type {
  ArenaEvent,
  ArenaRequest,
  FeedbackReceipt,
  KeyUsageReport,
  ModelsReport,
  Overview,
  OverviewWindow,
  ProvidersReport,
  UsageRequestPage,
  UsageRequestRecord,
} from './admin-api-types';
import { ApiRequestError, readApiRequestError } from './api-request-error';
import { readArenaEvents } from './read-arena-events';
import type { Session } from './create-session';

/** Every call the dashboard makes, typed by the contract. */
export interface AdminClient {
  getOverview(window: OverviewWindow): Promise<Overview>;
  getProviders(): Promise<ProvidersReport>;
  getKeyUsage(): Promise<KeyUsageReport>;
  getModels(): Promise<ModelsReport>;
  listRequests(options: { limit: number; cursor?: string }): Promise<UsageRequestPage>;
  getRequest(requestId: string): Promise<UsageRequestRecord>;
  /** A thumbs-up for one answer: the learned router's quality signal. */
  sendVote(requestId: string): Promise<FeedbackReceipt>;
  /** Starts a competition; resolves once the stream is open (a refusal before it throws). */
  runArena(request: ArenaRequest, signal: AbortSignal): Promise<AsyncGenerator<ArenaEvent>>;
}

export interface AdminClientOptions {
  session: Session;
  /** The gateway's origin; '' for the page's own. */
  baseUrl?: string;
  fetch?: typeof fetch;
}

/**
 * A small typed client of the admin API. It sends the session's key as `Authorization: Bearer` when
 * there is one, and turns a 401 into a login prompt (and an `ApiRequestError` for the caller).
 * @example const client = createAdminClient({ session }); const overview = await client.getOverview('24h');
 */
export function createAdminClient(options: AdminClientOptions): AdminClient {
  const { session, baseUrl = '' } = options;
  const fetchFunction = options.fetch ?? ((input, init) => fetch(input, init));

  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (session.key) headers.set('authorization', `Bearer ${session.key}`);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    const response = await fetchFunction(`${baseUrl}${path}`, { ...init, headers });
    if (response.ok) return response;
    const error = await readApiRequestError(response);
    if (error.isUnauthorized) session.requireLogin();
    throw error;
  }

  const getJSON = async <T>(path: string): Promise<T> => (await (await send(path)).json()) as T;
  const postJSON = async <T>(path: string, body: unknown): Promise<T> =>
    (await (await send(path, { method: 'POST', body: JSON.stringify(body) })).json()) as T;

  return {
    getOverview: (window) => getJSON(`/admin/overview?window=${encodeURIComponent(window)}`),
    getProviders: () => getJSON('/admin/providers'),
    getKeyUsage: () => getJSON('/admin/usage/keys'),
    getModels: () => getJSON('/models'),
    listRequests({ limit, cursor }) {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor) query.set('cursor', cursor);
      return getJSON(`/usage/requests?${query}`);
    },
    getRequest: (requestId) => getJSON(`/usage/requests/${encodeURIComponent(requestId)}`),
    sendVote: (requestId) => postJSON('/feedback', { request_id: requestId, thumbs: 'up' }),
    async runArena(request, signal) {
      const response = await send('/admin/arena', {
        method: 'POST',
        body: JSON.stringify(request),
        headers: { accept: 'text/event-stream' },
        signal,
      });
      if (!response.body) throw new ApiRequestError(response.status, 'The arena answered without a stream.');
      return readArenaEvents(response.body);
    },
  };
}
