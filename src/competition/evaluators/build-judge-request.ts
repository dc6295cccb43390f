import type { ChatMessage, ChatRequest, JSONSchema } from '../../spec/chat-request.js';

/** What a good answer is, when the config gives no rubric (`competition.judge.rubric`). */
export const defaultJudgeRubric =
  'Correctness and factual accuracy first; then how completely and directly the answer addresses the ' +
  'request; then clarity and concision. Penalise invented facts, needless refusals, and answers that ' +
  'ignore instructions in the conversation.';

/** Longest answer (and conversation) text shown to the judge, so a runaway answer cannot overflow it. */
const maxTextLength = 12_000;

/** One answer as the judge sees it: under a neutral label, so provider names cannot bias the grade. */
export interface LabelledAnswer {
  label: string;
  text: string;
}

/**
 * The judge's request: the rubric, the conversation and the answers under neutral labels, and a strict
 * JSON schema for the verdict (`{scores: {A: 0..1, …}, reasoning}`), so any model that supports
 * structured output (and the simulator) answers with something parseJudgeVerdict accepts.
 */
export function buildJudgeRequest(
  model: string,
  conversation: readonly ChatMessage[],
  answers: readonly LabelledAnswer[],
  rubric: string,
): ChatRequest {
  const labels = answers.map((answer) => answer.label);
  const instructions =
    'You are an impartial judge. Several AI assistants answered the same conversation. Grade each ' +
    'answer against the rubric with a score from 0 (useless or wrong) to 1 (excellent). Ignore the ' +
    'order and the labels of the answers, and do not reward length for its own sake. Reply with JSON ' +
    `only: {"scores": {${labels.map((label) => `"${label}": <0..1>`).join(', ')}}, "reasoning": "<one or two sentences>"}.`;
  const shown = answers
    .map((answer) => `<answer label="${answer.label}">\n${truncate(answer.text)}\n</answer>`)
    .join('\n\n');
  return {
    model,
    messages: [
      { role: 'system', content: instructions },
      {
        role: 'user',
        content: `Rubric: ${rubric}\n\n<conversation>\n${truncate(renderConversation(conversation))}\n</conversation>\n\n${shown}`,
      },
    ],
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'competition_verdict', strict: true, schema: getVerdictSchema(labels) },
    },
  };
}

function getVerdictSchema(labels: readonly string[]): JSONSchema {
  const score = { type: 'number', minimum: 0, maximum: 1 };
  return {
    type: 'object',
    properties: {
      scores: {
        type: 'object',
        properties: Object.fromEntries(labels.map((label) => [label, score])),
        required: [...labels],
        additionalProperties: false,
      },
      reasoning: { type: 'string' },
    },
    required: ['scores', 'reasoning'],
    additionalProperties: false,
  };
}

function renderConversation(messages: readonly ChatMessage[]): string {
  return messages.map((message) => `[${message.role}] ${getMessageText(message)}`).join('\n');
}

function getMessageText(message: ChatMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (part.type === 'text' ? part.text : `[${part.type}]`)).join(' ');
}

function truncate(text: string): string {
  return text.length <= maxTextLength ? text : `${text.slice(0, maxTextLength)} […]`;
}
