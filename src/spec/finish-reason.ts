/**
 * Why a choice stopped, in OpenAI's vocabulary (the internal lingua franca). Provider folders map their
 * own stop reasons onto these.
 */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';
