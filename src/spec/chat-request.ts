/**
 * The internal chat request. It is OpenAI's Chat Completions body, because that is the lingua franca:
 * the OpenAI ingress uses it as it arrives and provider folders convert it to their own wire format.
 * Fields Arbiter does not know are kept (see the index signature) and passed through to OpenAI-family
 * upstreams.
 */
export interface ChatRequest {
  /** The route the caller named (`groq/llama-3.3-70b-versatile`, `smart`, `auto`). */
  model: string;
  messages: ChatMessage[];
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean | null; [extra: string]: unknown } | null;
  /** Deprecated by OpenAI in favour of `max_completion_tokens`, still what most hosts take. */
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  /** How many choices to generate. */
  n?: number | null;
  stop?: string | string[] | null;
  seed?: number | null;
  presence_penalty?: number | null;
  frequency_penalty?: number | null;
  logit_bias?: Record<string, number> | null;
  logprobs?: boolean | null;
  top_logprobs?: number | null;
  tools?: ChatTool[] | null;
  tool_choice?: ToolChoice | null;
  parallel_tool_calls?: boolean | null;
  response_format?: ResponseFormat | null;
  reasoning_effort?: string | null;
  user?: string | null;
  /** Unknown fields survive and reach OpenAI-family upstreams untouched. */
  [extra: string]: unknown;
}

/** One message of the conversation, by role. */
export type ChatMessage =
  SystemMessage | DeveloperMessage | UserMessage | AssistantMessage | ToolMessage | FunctionMessage;

export interface SystemMessage {
  role: 'system';
  content: string | TextContentPart[];
  name?: string;
}

/** OpenAI's replacement for `system` on newer models; other providers treat it as `system`. */
export interface DeveloperMessage {
  role: 'developer';
  content: string | TextContentPart[];
  name?: string;
}

export interface UserMessage {
  role: 'user';
  content: string | UserContentPart[];
  name?: string;
}

export interface AssistantMessage {
  role: 'assistant';
  /** `null` when the turn only called tools. */
  content?: string | AssistantContentPart[] | null;
  tool_calls?: ToolCall[] | null;
  refusal?: string | null;
  /** Reasoning text some hosts return and some require back (DeepSeek V4). */
  reasoning_content?: string | null;
  name?: string;
  [extra: string]: unknown;
}

export interface ToolMessage {
  role: 'tool';
  content: string | TextContentPart[];
  /** The id of the assistant tool call this answers. */
  tool_call_id: string;
}

/** Deprecated legacy function-calling result; accepted on ingress. */
export interface FunctionMessage {
  role: 'function';
  content: string | null;
  name: string;
}

export interface TextContentPart {
  type: 'text';
  text: string;
}

export interface ImageContentPart {
  type: 'image_url';
  /** `url` is an `https:` URL or a `data:<mime>;base64,<data>` URI. */
  image_url: { url: string; detail?: 'auto' | 'low' | 'high' };
}

/** Audio and file parts pass through to providers that take them. */
export interface OtherContentPart {
  type: 'input_audio' | 'file';
  [extra: string]: unknown;
}

export type UserContentPart = TextContentPart | ImageContentPart | OtherContentPart;

export interface RefusalContentPart {
  type: 'refusal';
  refusal: string;
}

export type AssistantContentPart = TextContentPart | RefusalContentPart;

/** A function the model may call. */
export interface ChatTool {
  type: 'function';
  function: {
    name: string;
    description?: string;
    /** JSON Schema of the arguments object. */
    parameters?: JSONSchema;
    strict?: boolean | null;
  };
}

/** A JSON Schema document, kept as data. */
export type JSONSchema = Record<string, unknown>;

export type ToolChoice =
  | 'none'
  | 'auto'
  | 'required'
  | { type: 'function'; function: { name: string } }
  | { type: 'allowed_tools'; allowed_tools: { mode: 'auto' | 'required'; tools: unknown[] } };

/** A tool call made by the model. `arguments` is a JSON string, model-generated, possibly invalid. */
export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json_object' }
  | {
      type: 'json_schema';
      json_schema: { name: string; description?: string; schema?: JSONSchema; strict?: boolean | null };
    };
