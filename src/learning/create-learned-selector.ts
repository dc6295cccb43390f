import type { Selector } from '../routing/selectors/selector.js';
import type { Learning } from './create-learning.js';

/** What the learned selector draws from, and how much it explores on top. */
export interface LearnedSelectorOptions {
  learning: Pick<Learning, 'score'>;
  /**
   * The share of requests (0..1) whose first target is drawn uniformly at random, on top of Thompson
   * sampling: a guarantee that no candidate goes unmeasured for long, whatever its posterior says.
   * Default 0: Thompson sampling explores by itself, and decay keeps the posteriors from freezing.
   */
  explorationFloor?: number;
}

/**
 * `learned`: orders a route's healthy targets by the learned score, drawn by Thompson sampling — each
 * term sampled from its posterior, so a target's chance to go first is the chance that it is the best.
 * A new or recovered target, whose posteriors are wide, keeps being tried now and then; a target with
 * much evidence is placed by its merit. The rest of the order (the fallbacks) follows the same draw.
 */
export function createLearnedSelector(options: LearnedSelectorOptions): Selector {
  const floor = options.explorationFloor ?? 0;
  if (!(floor >= 0 && floor <= 1)) throw new RangeError(`the exploration floor is in 0..1, got ${floor}`);
  return {
    name: 'learned',
    order(targets, context) {
      if (targets.length < 2) return [...targets];
      const scores = options.learning.score(
        context.route,
        targets.map((target) => target.id),
        { isStream: context.request.isStream, random: context.random },
      );
      const ordered = targets
        .map((target, index) => ({ target, score: scores[index]!.score, index }))
        .sort((left, right) => right.score - left.score || left.index - right.index)
        .map((entry) => entry.target);
      if (floor > 0 && context.random() < floor) {
        const [explored] = ordered.splice(Math.floor(context.random() * ordered.length), 1);
        ordered.unshift(explored!);
      }
      return ordered;
    },
  };
}
