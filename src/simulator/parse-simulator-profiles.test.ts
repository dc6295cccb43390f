import { describe, expect, it } from 'vitest';
import { parseSimulatorProfiles } from './parse-simulator-profiles.js';

describe('parseSimulatorProfiles', () => {
  it('accepts partial profiles keyed by model name', () => {
    expect(
      parseSimulatorProfiles(
        '{"gpt-4o-mini":{"latencyInMs":300,"mode":"cut","cutAfterChunks":5},"sim-x":{}}',
      ),
    ).toEqual({ 'gpt-4o-mini': { latencyInMs: 300, mode: 'cut', cutAfterChunks: 5 }, 'sim-x': {} });
  });

  it.each([
    ['{"m":{"latencyMs":3}}', 'Simulator profile "m": unknown field "latencyMs"'],
    ['{"m":{"errorRate":1.5}}', 'field "errorRate" must be a number between 0 and 1, got 1.5'],
    ['{"m":{"errorStatus":200}}', 'field "errorStatus" must be an HTTP error status (400-599), got 200'],
    ['{"m":{"mode":"broken"}}', 'field "mode" must be one of normal, down, rate-limited, cut, hang, tools'],
    ['{"m":{"cutAfterChunks":2.5}}', 'field "cutAfterChunks" must be an integer >= 0'],
    ['{"m":{"ttftInMs":-1}}', 'field "ttftInMs" must be a number >= 0'],
    ['{"m":[]}', 'Simulator profile "m" must be an object'],
    ['[]', 'must be a JSON object keyed by model name'],
    ['{"m":', 'Simulator profiles are not valid JSON'],
  ])('%s is rejected with a message naming the problem', (json, message) => {
    expect(() => parseSimulatorProfiles(json)).toThrow(message);
  });
});
