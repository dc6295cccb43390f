import { countSimulatedTokens, splitIntoSimulatedTokens } from './count-simulated-tokens.js';
import type { SeededRandom } from './seeded-random.js';
import type { SimulatedToolResult } from './summarize-prompt.js';
import {
  bodyTemplates,
  closingTemplates,
  openingTemplates,
  toolFollowUpTemplates,
  vocabulary,
} from './simulated-vocabulary.js';

export interface SimulatedTextOptions {
  random: SeededRandom;
  /** Words from the prompt that the text should mention. */
  topicWords: readonly string[];
  /** Roughly how many tokens to write; whole sentences are kept, so it may run a little over. */
  targetTokens?: number;
}

/**
 * Deterministic, readable English about the prompt's topic: an opener naming it, body sentences from
 * templates, a closing line. By default 30 to 80 tokens, as a short chat answer would be.
 */
export function generateSimulatedText(options: SimulatedTextOptions): string {
  const { random, topicWords } = options;
  const target = options.targetTokens ?? random.integer(30, 80);
  const sentences = [fillTemplate(random.pick(openingTemplates), random, topicWords)];
  let tokens = countSimulatedTokens(sentences[0]!);
  let previous = -1;
  while (tokens < target) {
    let templateIndex = random.integer(0, bodyTemplates.length - 1);
    if (templateIndex === previous) templateIndex = (templateIndex + 1) % bodyTemplates.length;
    previous = templateIndex;
    const sentence = fillTemplate(bodyTemplates[templateIndex]!, random, topicWords);
    sentences.push(sentence);
    tokens += countSimulatedTokens(sentence) + 1;
  }
  sentences.push(fillTemplate(random.pick(closingTemplates), random, topicWords));
  return joinSentences(sentences);
}

/** An answer that uses the tool results which end the conversation, quoting each one briefly. */
export function generateToolResultText(
  results: readonly SimulatedToolResult[],
  random: SeededRandom,
  topicWords: readonly string[],
): string {
  const sentences = results.map(
    (result) => `According to ${result.name}, the result is ${excerpt(result.content)}.`,
  );
  sentences.push(fillTemplate(random.pick(toolFollowUpTemplates), random, topicWords));
  return joinSentences(sentences);
}

/** Fills `{topic}`, `{Topic}`, `{topic2}`, `{noun}`, `{noun2}`, `{adjective}`, `{adjective2}`, `{verb}`, `{adverb}`. */
export function fillTemplate(template: string, random: SeededRandom, topicWords: readonly string[]): string {
  let topic: string | undefined;
  let noun: string | undefined;
  let adjective: string | undefined;
  return template.replace(/\{(\w+)\}/g, (_slot, name: string) => {
    switch (name) {
      case 'topic':
        return (topic ??= pickTopic(random, topicWords));
      case 'Topic':
        topic ??= pickTopic(random, topicWords);
        return topic.charAt(0).toUpperCase() + topic.slice(1);
      case 'topic2': {
        const others = topicWords.filter((word) => word !== topic);
        return others.length > 0 ? random.pick(others) : `the ${random.pick(vocabulary.nouns)}`;
      }
      case 'noun':
        return (noun = random.pick(vocabulary.nouns));
      case 'noun2':
        return pickOther(random, vocabulary.nouns, noun);
      case 'adjective':
        return (adjective = random.pick(vocabulary.adjectives));
      case 'adjective2':
        return pickOther(random, vocabulary.adjectives, adjective);
      case 'verb':
        return random.pick(vocabulary.verbs);
      case 'adverb':
        return random.pick(vocabulary.adverbs);
      default:
        return name;
    }
  });
}

/** Mostly the first content word of the prompt (usually its subject), sometimes the second. */
function pickTopic(random: SeededRandom, topicWords: readonly string[]): string {
  if (topicWords.length === 0) return random.pick(vocabulary.fallbackTopics);
  return topicWords[random.chance(0.7) ? 0 : Math.min(1, topicWords.length - 1)]!;
}

function pickOther(random: SeededRandom, words: readonly string[], avoid: string | undefined): string {
  const index = random.integer(0, words.length - 1);
  return words[index] === avoid ? words[(index + 1) % words.length]! : words[index]!;
}

function joinSentences(sentences: readonly string[]): string {
  let text = '';
  for (let index = 0; index < sentences.length; index++) {
    text += index === 0 ? sentences[index] : (index % 4 === 0 ? '\n\n' : ' ') + sentences[index];
  }
  return text;
}

function excerpt(content: string): string {
  const compact = content.replace(/\s+/g, ' ').trim();
  if (compact === '') return 'empty';
  const tokens = splitIntoSimulatedTokens(compact);
  return tokens.length <= 40 ? compact : tokens.slice(0, 40).join('') + ' …';
}
