import type { Gateway } from '../../gateway.js';
import type { Target } from '../../routing/target.js';
import { createProgressBar, type ProgressStream } from '../progress-bar.js';
import { checkTarget, type TargetCheck } from './check-target.js';

/** A provider that could not even be probed (no default model to probe). */
export interface UncheckableProvider {
  provider: string;
  message: string;
}

export interface ProviderChecks {
  checks: TargetCheck[];
  uncheckable: UncheckableProvider[];
}

/**
 * Probes every key of every provider the gateway routes to, all at once, each within `timeoutInMs`,
 * with a progress bar on `progress` as the answers come in. A provider's targets for its default model
 * are its keys (one target per key), so each key is checked exactly once.
 */
export async function checkProviders(
  gateway: Gateway,
  timeoutInMs: number,
  progress?: ProgressStream,
): Promise<ProviderChecks> {
  const targets: Target[] = [];
  const uncheckable: UncheckableProvider[] = [];
  for (const provider of gateway.providerNames) {
    try {
      const found = gateway.resolve(provider).targets;
      // The key pool rotates its first key per resolve; sorted, the report reads the same every run.
      targets.push(...[...found].sort((a, b) => a.credential.id.localeCompare(b.credential.id)));
    } catch (error) {
      uncheckable.push({ provider, message: error instanceof Error ? error.message : String(error) });
    }
  }
  const bar = createProgressBar({ total: targets.length, label: 'Checking providers', stream: progress });
  try {
    const checks = await Promise.all(
      targets.map(async (target) => {
        const check = await checkTarget(target, timeoutInMs);
        bar.tick(1, `${target.credential.id} ${check.status}`);
        return check;
      }),
    );
    return { checks, uncheckable };
  } finally {
    bar.done();
  }
}
