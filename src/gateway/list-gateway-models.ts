import type { ArbiterConfig, ProviderConfig } from '../config/arbiter-config.js';
import { contestRouteNames } from '../routing/resolve-contest.js';
import type { GatewayModel } from './gateway-types.js';

/**
 * Every name a caller can put in `model` (what `GET /v1/models` shows): `provider/model` for each
 * configured (or demo) provider, the config's routes, and, once any provider is reachable, `auto` and
 * the contest routes (`race`, `compete`) the config does not redefine.
 */
export function listGatewayModels(
  config: Pick<ArbiterConfig, 'routes' | 'isDemo'>,
  providerConfigs: readonly ProviderConfig[],
  hasProviders: boolean,
): GatewayModel[] {
  const models: GatewayModel[] = [];
  for (const provider of providerConfigs) {
    const ownedBy = provider.isDemo ? `${provider.name} (demo: simulated, not a real model)` : provider.name;
    for (const model of provider.models)
      models.push({ id: `${provider.name}/${model}`, ownedBy, isDemo: provider.isDemo === true });
  }
  for (const name of Object.keys(config.routes))
    models.push({ id: name, ownedBy: 'arbiter (route)', isDemo: false });
  if (!hasProviders) return models;
  models.push({ id: 'auto', ownedBy: 'arbiter (route)', isDemo: config.isDemo });
  for (const name of contestRouteNames)
    if (!config.routes[name]) models.push({ id: name, ownedBy: 'arbiter (route)', isDemo: config.isDemo });
  return models;
}
