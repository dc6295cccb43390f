import { describe, expect, it } from 'vitest';
import { shortenToolCallIds, toShortToolCallId } from './shorten-tool-call-ids.js';

describe('shortenToolCallIds', () => {
  it('maps an over-long id the same way in the call and in its result, and leaves short ids alone', () => {
    const longId = `call_abc_ts_${'x'.repeat(300)}`;
    const messages = [
      { role: 'user', content: 'weather?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: longId, type: 'function', function: { name: 'w', arguments: '{}' } },
          { id: 'call_short', type: 'function', function: { name: 'w', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: longId, content: 'sunny' },
      { role: 'tool', tool_call_id: 'call_short', content: 'rain' },
    ];
    const shortened = shortenToolCallIds(messages) as typeof messages;
    const shortId = toShortToolCallId(longId);
    expect(shortId.length).toBeLessThanOrEqual(40);
    expect(shortened[1]!.tool_calls![0]!.id).toBe(shortId);
    expect(shortened[1]!.tool_calls![1]!.id).toBe('call_short');
    expect(shortened[2]!.tool_call_id).toBe(shortId);
    expect(shortened[3]).toBe(messages[3]);
  });

  it('returns the same array when nothing needs changing', () => {
    const messages = [{ role: 'user', content: 'hi' }];
    expect(shortenToolCallIds(messages)).toBe(messages);
  });
});
