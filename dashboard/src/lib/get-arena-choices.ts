import type { ModelsReport, ProvidersReport } from '../api/admin-api-types';

/** One contender the Arena offers. */
export interface ArenaChoice {
  /** What goes in `contenders`: a provider (its default model) or `provider/model`. */
  value: string;
  label: string;
}

/** Embedding models cannot answer a prompt; the price table lists them beside the chat models. */
const embeddingModel = /embed/i;

/**
 * What the Arena offers as contenders: each configured provider (its default model), then each known
 * `provider/model` target, from `GET /models` and `GET /admin/providers` together (either may be
 * missing), without repeats. Requests that reached no provider (`none`) are not a contender, nor are
 * embedding models.
 */
export function getArenaChoices(
  models: ModelsReport | undefined,
  report: ProvidersReport | undefined,
): ArenaChoice[] {
  const providers = new Set<string>(models?.providers ?? []);
  const targets = new Set<string>();
  for (const provider of report?.providers ?? []) {
    if (provider.configured) providers.add(provider.provider);
    for (const target of provider.targets) targets.add(target.target);
  }
  for (const model of models?.models ?? []) targets.add(`${model.provider}/${model.model}`);
  providers.delete('none');
  return [
    ...[...providers].sort().map((provider) => ({ value: provider, label: `${provider} (default model)` })),
    ...[...targets]
      .filter((target) => !providers.has(target) && !embeddingModel.test(target))
      .sort()
      .map((target) => ({ value: target, label: target })),
  ];
}
