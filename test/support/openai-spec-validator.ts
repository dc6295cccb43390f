import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { specsDirectory } from './start-prism.js';

/**
 * Validators for schemas of OpenAI's official OpenAPI document (JSON Schema 2020-12 dialect), for checking
 * what Arbiter serves on its OpenAI ingress: responses, stream chunks and error bodies.
 */
export function createOpenAISpecValidator() {
  const spec = JSON.parse(readFileSync(specsDirectory + 'openai-openapi.sanitized.json', 'utf8')) as {
    components: unknown;
  };
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'openai', components: spec.components });
  const cache = new Map<string, ValidateFunction>();
  return function validate(schemaName: string, value: unknown): string[] {
    let validator = cache.get(schemaName);
    if (!validator) {
      validator = ajv.getSchema(`openai#/components/schemas/${schemaName}`);
      if (!validator) throw new Error(`no schema ${schemaName} in the OpenAI spec`);
      cache.set(schemaName, validator);
    }
    return validator(value)
      ? []
      : (validator.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? ''}`);
  };
}

/** The JSON payloads of an SSE body, `[DONE]` excluded. */
export function parseSSEPayloads(body: string): unknown[] {
  return body
    .split('\n\n')
    .map((event) => event.trim())
    .filter((event) => event.startsWith('data: ') && event !== 'data: [DONE]')
    .map((event) => JSON.parse(event.slice('data: '.length)) as unknown);
}

/** The spec's schema for each Responses stream event type. */
export const responsesEventSchemas: Record<string, string> = {
  'response.created': 'ResponseCreatedEvent',
  'response.in_progress': 'ResponseInProgressEvent',
  'response.output_item.added': 'ResponseOutputItemAddedEvent',
  'response.content_part.added': 'ResponseContentPartAddedEvent',
  'response.output_text.delta': 'ResponseTextDeltaEvent',
  'response.output_text.done': 'ResponseTextDoneEvent',
  'response.content_part.done': 'ResponseContentPartDoneEvent',
  'response.output_item.done': 'ResponseOutputItemDoneEvent',
  'response.function_call_arguments.delta': 'ResponseFunctionCallArgumentsDeltaEvent',
  'response.function_call_arguments.done': 'ResponseFunctionCallArgumentsDoneEvent',
  'response.completed': 'ResponseCompletedEvent',
  'response.incomplete': 'ResponseIncompleteEvent',
  'response.failed': 'ResponseFailedEvent',
  error: 'ResponseErrorEvent',
};
