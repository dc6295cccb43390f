/** One piece of user feedback on one answered request (`POST /feedback`). */
export interface FeedbackRecord {
  /** The feedback's own id (`fb_…`): a request can be rated more than once. */
  id: string;
  /** The rated request, as the usage log and the `x-request-id` header name it. */
  requestId: string;
  /** The target that produced the answer: `provider/model@keyId`. */
  targetId: string;
  /** The route the request named. */
  route: string;
  /** Quality in 0..1 (`thumbs: up` is 1, `down` is 0). */
  score: number;
  /** Set when the feedback was a thumbs vote rather than a score. */
  thumbs?: 'up' | 'down';
  comment?: string;
  /** The gateway key the rated request was made with (its id, never the key). */
  keyId?: string;
  /** Unix milliseconds. */
  createdAt: number;
}

/** The store port for user feedback, shared by every backend. */
export interface FeedbackStore {
  /** Stores one record; a record whose `id` is already stored is ignored (first write wins). */
  append(record: FeedbackRecord): Promise<void>;
  /** Every feedback on one request, oldest first (ties by id). */
  listByRequest(requestId: string): Promise<FeedbackRecord[]>;
  /** The newest `limit` records, newest first (ties by id, descending). */
  listRecent(limit: number): Promise<FeedbackRecord[]>;
}
