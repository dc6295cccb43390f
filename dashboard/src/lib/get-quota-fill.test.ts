import { describe, expect, it } from 'vitest';
import { getQuotaFill } from './get-quota-fill';

describe('getQuotaFill', () => {
  it('is ok below 75 %, high from 75 %, full at the limit, and says so in words', () => {
    expect(getQuotaFill(12, 60)).toEqual({ level: 'ok', fraction: 0.2, text: '12 of 60 (20%)' });
    expect(getQuotaFill(45, 60).level).toBe('high');
    expect(getQuotaFill(60, 60)).toEqual({
      level: 'full',
      fraction: 1,
      text: '60 of 60 (100%, limit reached)',
    });
  });

  it('caps the bar at full when usage overshoots, and treats a zero limit as full', () => {
    expect(getQuotaFill(90, 60)).toMatchObject({ level: 'full', fraction: 1 });
    expect(getQuotaFill(0, 0)).toMatchObject({ level: 'full', fraction: 1 });
  });

  it('has no bar for an unlimited quota', () => {
    expect(getQuotaFill(0.5, null, (value) => `$${value}`)).toEqual({
      level: 'unlimited',
      fraction: null,
      text: '$0.5 — unlimited',
    });
  });
});
