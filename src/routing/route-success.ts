import type { AttemptRecord } from './attempt-record.js';
import type { Target } from './target.js';

/** A route's answer: the value, the target that produced it, and every attempt (and skip) on the way. */
export interface RouteSuccess<T> {
  value: T;
  target: Target;
  attempts: AttemptRecord[];
}
