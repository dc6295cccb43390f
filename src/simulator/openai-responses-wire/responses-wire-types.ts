import type { JSONSchema } from '../../spec/index.js';

/**
 * A validated `POST …/responses` body: the fields the simulator reads, typed; anything else is accepted
 * and ignored, as OpenAI ignores what it does not use. `input` is normalised to a list of items.
 * @see https://platform.openai.com/docs/api-reference/responses/create
 */
export interface ResponsesRequest {
  model: string;
  /** Messages, function calls and function call outputs; other item types are dropped. */
  input: ResponsesItem[];
  instructions: string | null;
  tools: ResponsesTool[];
  tool_choice: ResponsesToolChoice;
  text: { format: ResponsesTextFormat; verbosity?: string | null };
  max_output_tokens: number | null;
  temperature: number;
  top_p: number;
  parallel_tool_calls: boolean;
  metadata: Record<string, string>;
  store: boolean;
  previous_response_id: string | null;
  stream: boolean;
  /** Deprecated by OpenAI, echoed only when sent (its schema does not allow `null`). */
  user?: string;
}

/** An item of a conversation: sent as `input`, or produced by the simulator as `output`. */
export type ResponsesItem =
  ResponsesMessageItem | ResponsesFunctionCallItem | ResponsesFunctionCallOutputItem;

export interface ResponsesMessageItem {
  type: 'message';
  role: 'user' | 'assistant' | 'system' | 'developer';
  content: string | ResponsesContentPart[];
  id?: string;
  status?: string;
}

export interface ResponsesFunctionCallItem {
  type: 'function_call';
  call_id: string;
  name: string;
  /** The JSON arguments as a string, possibly invalid when cut by `max_output_tokens`. */
  arguments: string;
  id?: string;
  status?: string;
}

export interface ResponsesFunctionCallOutputItem {
  type: 'function_call_output';
  call_id: string;
  output: string | ResponsesContentPart[];
}

/** `input_text`, `output_text`, `input_image`, `input_file`, `refusal`. */
export interface ResponsesContentPart {
  type: string;
  text?: string;
  refusal?: string;
  [extra: string]: unknown;
}

/** A function tool (`name`, `parameters`, …) or a built-in one (`web_search`, …) kept as sent. */
export interface ResponsesTool {
  type: string;
  name?: string;
  description?: string | null;
  parameters?: JSONSchema | null;
  strict?: boolean | null;
  [extra: string]: unknown;
}

export type ResponsesToolChoice =
  | 'none'
  | 'auto'
  | 'required'
  | { type: 'function'; name: string }
  | { type: 'allowed_tools'; mode: 'auto' | 'required'; tools: ResponsesTool[] }
  /** A built-in tool the simulator does not run (`{type: "web_search_preview"}`, …). */
  | { type: string; [extra: string]: unknown };

export type ResponsesTextFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | { type: 'json_schema'; name: string; schema: JSONSchema; strict?: boolean | null; description?: string };
