import { describe, expect, it } from 'vitest';
import { createTargetStats } from '../health/target-stats.js';
import {
  createSelectionContext,
  createTestOutcome,
  createTestTarget,
  idsOf,
} from './__fixtures__/create-selection-context.js';
import { createLeastLatencySelector } from './least-latency-selector.js';

const ids = ['slow/m@s#1', 'fast/m@f#1', 'new/m@n#1', 'mid/m@m#1'];
const targets = ids.map(createTestTarget);

function measuredStats() {
  const stats = createTargetStats();
  stats.record(createTestOutcome('slow/m@s#1', { latencyInMs: 900 }));
  stats.record(createTestOutcome('fast/m@f#1', { latencyInMs: 200 }));
  stats.record(createTestOutcome('mid/m@m#1', { latencyInMs: 500 }));
  stats.record(createTestOutcome('slow/m@s#1', { isStream: true, latencyInMs: 5_000, ttftInMs: 100 }));
  stats.record(createTestOutcome('fast/m@f#1', { isStream: true, latencyInMs: 2_000, ttftInMs: 700 }));
  return stats;
}

describe('least-latency selector', () => {
  it('orders calls by answer latency, unmeasured targets first so they get measured', () => {
    const context = createSelectionContext({ stats: measuredStats() });
    expect(idsOf(createLeastLatencySelector().order(targets, context))).toEqual([
      'new/m@n#1',
      'fast/m@f#1',
      'mid/m@m#1',
      'slow/m@s#1',
    ]);
  });

  it('orders streams by time to first token, not by call latency', () => {
    const context = createSelectionContext({ stats: measuredStats(), request: { isStream: true } });
    expect(idsOf(createLeastLatencySelector().order(targets, context))).toEqual([
      'new/m@n#1',
      'mid/m@m#1',
      'slow/m@s#1',
      'fast/m@f#1',
    ]);
  });

  it('puts an unmeasured target that has been failing last', () => {
    const stats = measuredStats();
    stats.record(createTestOutcome('new/m@n#1', { isSuccess: false, errorKind: 'server', latencyInMs: 10 }));
    expect(idsOf(createLeastLatencySelector().order(targets, createSelectionContext({ stats })))).toEqual([
      'fast/m@f#1',
      'mid/m@m#1',
      'slow/m@s#1',
      'new/m@n#1',
    ]);
  });

  it('keeps the route order among equals', () => {
    const stats = createTargetStats();
    for (const id of ids) stats.record(createTestOutcome(id, { latencyInMs: 300 }));
    expect(idsOf(createLeastLatencySelector().order(targets, createSelectionContext({ stats })))).toEqual(
      ids,
    );
  });
});
