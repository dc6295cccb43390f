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
