import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { generateJsonFromSchema } from './generate-json-from-schema.js';
import { createSeededRandom } from './seeded-random.js';

const ajv = new Ajv2020({ strict: false })
  .addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/)
  .addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  .addFormat('uri', /^https?:\/\/[^\s/]+\/\S*$/)
  .addFormat('ipv4', /^(\d{1,3}\.){3}\d{1,3}$/);

const context = (seed = 1, promptText = 'What should I pack for a trip to Oslo?') => ({
  random: createSeededRandom(seed),
  topicWords: ['pack', 'trip'],
  promptText,
});

const schemas: Record<string, object> = {
  'nested objects with required fields': {
    type: 'object',
    properties: {
      trip: {
        type: 'object',
        properties: { city: { type: 'string' }, days: { type: 'integer', minimum: 2, maximum: 4 } },
        required: ['city', 'days'],
        additionalProperties: false,
      },
      travellers: { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 3 },
    },
    required: ['trip', 'travellers'],
  },
  'arrays with bounds and unique enum items': {
    type: 'object',
    properties: {
      tags: { type: 'array', items: { enum: ['a', 'b', 'c'] }, minItems: 3, uniqueItems: true },
      scores: { type: 'array', items: { type: 'number', minimum: 0.5, maximum: 0.6 }, maxItems: 1 },
      empty: { type: 'array', items: { type: 'string' }, maxItems: 0 },
    },
    required: ['tags', 'scores', 'empty'],
  },
  'numbers with multipleOf and exclusive bounds': {
    type: 'object',
    properties: {
      price: { type: 'number', multipleOf: 0.25, minimum: 10, maximum: 11 },
      quantity: { type: 'integer', multipleOf: 5, exclusiveMinimum: 20 },
      temperature: { type: 'number', exclusiveMaximum: -10 },
    },
    required: ['price', 'quantity', 'temperature'],
  },
  'strings with lengths and formats': {
    type: 'object',
    properties: {
      code: { type: 'string', minLength: 3, maxLength: 3 },
      description: { type: 'string', maxLength: 12 },
      longName: { type: 'string', minLength: 60 },
      createdAt: { type: 'string', format: 'date-time' },
      id: { type: 'string', format: 'uuid' },
      homepage: { type: 'string', format: 'uri' },
      address: { type: 'string', format: 'ipv4' },
    },
    required: ['code', 'description', 'longName', 'createdAt', 'id', 'homepage', 'address'],
  },
  'anyOf, oneOf, allOf, type lists, const and null': {
    type: 'object',
    properties: {
      maybe: { type: ['string', 'null'] },
      either: { oneOf: [{ type: 'null' }, { type: 'integer', minimum: 3, maximum: 3 }] },
      combined: {
        allOf: [
          { type: 'object', properties: { a: { type: 'boolean' } }, required: ['a'] },
          { properties: { b: { const: 'fixed' } }, required: ['b'] },
        ],
      },
      nothing: { type: 'null' },
    },
    required: ['maybe', 'either', 'combined', 'nothing'],
  },
  'recursive $ref and tuples': {
    $defs: {
      node: {
        type: 'object',
        properties: {
          label: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/$defs/node' } },
        },
        required: ['label', 'children'],
      },
    },
    type: 'object',
    properties: {
      tree: { $ref: '#/$defs/node' },
      point: { type: 'array', prefixItems: [{ type: 'number' }, { type: 'string' }], items: false },
    },
    required: ['tree', 'point'],
  },
  'additionalProperties maps': {
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 1 },
    minProperties: 1,
  },
};

describe('generateJsonFromSchema', () => {
  it.each(Object.entries(schemas))('%s: the value validates', (_name, schema) => {
    for (let seed = 1; seed <= 20; seed++) {
      const value = generateJsonFromSchema(schema, context(seed));
      expect(ajv.validate(schema, value), `${ajv.errorsText()} for ${JSON.stringify(value)}`).toBe(true);
    }
  });

  it('fills fields with values that suit their names', () => {
    const value = generateJsonFromSchema(
      {
        type: 'object',
        properties: {
          location: { type: 'string' },
          country: { type: 'string', maxLength: 2 },
          email: { type: 'string' },
          ticker: { type: 'string' },
          unit: { type: 'string', default: 'fahrenheit' },
          mood: { type: 'string', examples: ['cheerful'] },
        },
        required: ['location', 'country', 'email', 'ticker', 'unit', 'mood'],
      },
      context(),
    );
    expect(value).toMatchObject({ location: 'Oslo', email: 'alex.morgan@example.com', ticker: 'AAPL' });
    expect(value).toMatchObject({ unit: 'fahrenheit', mood: 'cheerful' });
    expect((value as { country: string }).country).toMatch(/^[A-Z]{2}$/);
  });

  it('is deterministic for a seed and varies across seeds', () => {
    const schema = { type: 'object', properties: { note: { type: 'string' }, score: { type: 'integer' } } };
    expect(generateJsonFromSchema(schema, context(3))).toEqual(generateJsonFromSchema(schema, context(3)));
    const values = new Set(
      Array.from({ length: 10 }, (_, seed) => JSON.stringify(generateJsonFromSchema(schema, context(seed)))),
    );
    expect(values.size).toBeGreaterThan(5);
  });

  it('treats a missing schema as an object with no parameters', () => {
    expect(generateJsonFromSchema({ type: 'object', properties: {} }, context())).toEqual({});
  });
});
