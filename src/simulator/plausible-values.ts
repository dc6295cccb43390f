import type { JSONSchema } from '../spec/index.js';
import type { SeededRandom } from './seeded-random.js';
import { fillTemplate } from './simulated-text.js';
import { cities, countries, personNames, vocabulary } from './simulated-vocabulary.js';

/** What a generated value may draw on: the seeded source and what the prompt was about. */
export interface PlausibleValueContext {
  random: SeededRandom;
  topicWords: readonly string[];
  /** The prompt text; a city it names is reused for `city`/`location` fields. */
  promptText: string;
}

const sentenceKeys =
  /title|headline|summary|description|text|content|message|answer|reason|comment|body|note|explanation|response|instruction/;

/** A string that suits the field's name and `format` (a city for `city`, an email for `email`...). */
export function getPlausibleString(key: string, schema: JSONSchema, context: PlausibleValueContext): string {
  const { random } = context;
  const name = key.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const topic = context.topicWords[0] ?? random.pick(vocabulary.nouns);
  switch (schema.format) {
    case 'date-time':
      return `${getPlausibleDate(random)}T${getPlausibleTime(random)}:00Z`;
    case 'date':
      return getPlausibleDate(random);
    case 'time':
      return `${getPlausibleTime(random)}:00`;
    case 'email':
      return 'alex.morgan@example.com';
    case 'uri':
    case 'url':
      return `https://example.com/${slug(topic)}`;
    case 'uuid':
      return `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-a${random.hex(3)}-${random.hex(12)}`;
    case 'hostname':
      return 'api.example.com';
    case 'ipv4':
      return `192.0.2.${random.integer(1, 254)}`;
    case 'ipv6':
      return '2001:db8::1';
    case 'duration':
      return 'PT15M';
  }
  if (/city|location|town|place|destination|origin/.test(name))
    return findCity(context) ?? random.pick(cities);
  if (/country/.test(name)) {
    const [countryName, code] = random.pick(countries);
    return maxLength <= 3 || name.endsWith('code') ? code : countryName;
  }
  if (/e_?mail/.test(name)) return 'alex.morgan@example.com';
  if (/url|link|website|homepage/.test(name)) return `https://example.com/${slug(topic)}`;
  if (/phone/.test(name)) return '+44 20 7946 0958';
  if (/file_?name/.test(name)) return `${slug(topic)}.txt`;
  if (/path|directory|folder/.test(name)) return `/tmp/${slug(topic)}.txt`;
  if (/user_?name|handle/.test(name)) return 'alex.morgan';
  if (/first_?name/.test(name)) return random.pick(personNames).split(' ')[0]!;
  if (/last_?name|surname/.test(name)) return random.pick(personNames).split(' ')[1]!;
  if (/^name$|full_?name|author|person|customer|contact/.test(name)) return random.pick(personNames);
  if (/date|day/.test(name)) return getPlausibleDate(random);
  if (/time/.test(name)) return getPlausibleTime(random);
  if (/unit/.test(name)) return maxLength <= 2 ? 'c' : 'celsius';
  if (/currency/.test(name)) return 'USD';
  if (/lang/.test(name)) return maxLength <= 5 ? 'en' : 'English';
  if (/ticker|symbol/.test(name)) return 'AAPL';
  if (/exchange/.test(name)) return 'NASDAQ';
  if (/(^|_)id$/.test(name)) return `${name === 'id' ? 'item' : name.slice(0, -3)}_${random.hex(6)}`;
  if (/colou?r/.test(name)) return random.pick(['blue', 'green', 'amber', 'red']);
  if (/status|state/.test(name)) return 'active';
  if (/query|search|keyword|topic|subject|term/.test(name))
    return context.topicWords.slice(0, 3).join(' ') || topic;
  if (sentenceKeys.test(name))
    return fillTemplate('The {adjective} {noun} of {topic} {verb} the {noun2}.', random, context.topicWords);
  if (/category|type|kind|tag|label/.test(name)) return random.pick(vocabulary.nouns);
  return random.chance(0.5) ? topic : random.pick(vocabulary.nouns);
}

/** A number that suits the field's name (a temperature, a price, a count...), before bounds apply. */
export function getPlausibleNumber(key: string, schema: JSONSchema, random: SeededRandom): number {
  const name = key.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  const maximum = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  if (/temp/.test(name)) return 18 + random.integer(0, 80) / 10;
  if (/(^|_)lat/.test(name)) return 48.8566;
  if (/(^|_)(lon|lng)/.test(name)) return 2.3522;
  if (/price|cost|amount|total|balance/.test(name)) return random.integer(5, 200) - 0.01;
  if (/(^|_)age$/.test(name)) return random.integer(21, 64);
  if (/year/.test(name)) return 2025;
  if (/percent|ratio|probability|score|confidence|rate|weight/.test(name)) {
    return maximum !== undefined && maximum <= 1 ? random.integer(50, 95) / 100 : random.integer(50, 95);
  }
  if (/rating|stars/.test(name)) return random.integer(3, 5);
  if (/count|quantity|number|num|limit|size|max|min|days|hours|minutes/.test(name))
    return random.integer(2, 10);
  return random.integer(1, 100);
}

function findCity(context: PlausibleValueContext): string | undefined {
  const text = context.promptText.toLowerCase();
  return cities.find((city) => text.includes(city.toLowerCase()));
}

function getPlausibleDate(random: SeededRandom): string {
  return `2025-${String(random.integer(1, 12)).padStart(2, '0')}-${String(random.integer(1, 28)).padStart(2, '0')}`;
}

/** `HH:MM` during office hours. */
function getPlausibleTime(random: SeededRandom): string {
  return `${String(random.integer(8, 18)).padStart(2, '0')}:${random.pick(['00', '15', '30', '45'])}`;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'item'
  );
}
