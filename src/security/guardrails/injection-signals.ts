/**
 * One explainable sign of a prompt injection: a pattern over normalised text (lower case, look-alike
 * letters mapped to Latin, invisible characters removed), its weight (0–1, how sure one match alone
 * makes us) and the reason shown in a block or flag. Patterns are bounded (no nested unbounded repeats),
 * so a huge message costs linear time.
 */
export interface InjectionSignal {
  id: string;
  weight: number;
  reason: string;
  pattern: RegExp;
}

const filler = String.raw`(?:(?:all|any|of|the|your|my|these|those|every|everything|previous|prior|above|earlier|preceding|former|original|initial|system|developer|safety|current|existing)\s+){0,4}`;
const rules = String.raw`(?:instructions?|prompts?|rules|directions|directives|guidelines|guardrails|context|messages|constraints|programming|policies|restrictions)`;

/**
 * The original brief's patterns (`ignore previous instructions`, `act as if you are`, `pretend to be`)
 * and their variants, role-play overrides, requests for the system prompt, fake role delimiters and
 * jailbreak personas. The brief blocked its three phrases outright, so each of them alone reaches the
 * default threshold (0.5).
 */
export const injectionSignals: readonly InjectionSignal[] = [
  {
    id: 'ignore-instructions',
    weight: 0.9,
    reason: 'asks the model to ignore or override its instructions',
    pattern: new RegExp(
      String.raw`\b(?:ignore|disregard|forget|override|bypass|abandon)\s+${filler}${rules}\b|\b(?:ignore|disregard)\s+(?:(?:all|everything)\s+)?(?:of\s+)?the\s+above\b|\bforget\s+(?:everything|all)\s+(?:you\s+(?:were|have\s+been)\s+told|above|before)\b|\b(?:do\s+not|don't|stop)\s+follow(?:ing)?\s+${filler}${rules}\b`,
    ),
  },
  {
    id: 'role-play-override',
    weight: 0.6,
    reason: 'tells the model to become someone else (act as if you are, pretend to be, you are now)',
    pattern:
      /\bact\s+as\s+(?:if|though)\s+you\s+(?:are|were)\b|\bpretend\s+(?:to\s+be|you\s+are|that\s+you\s+are)\b|\byou\s+are\s+now\s+(?:a|an|in|no\s+longer|free|my|the|dan|unrestricted|jailbroken)\b|\bfrom\s+now\s+on,?\s+you\s+(?:are|will|must|shall)\b|\b(?:roleplay|role-play)\s+as\b|\bswitch\s+to\s+\w+\s+mode\b/,
  },
  {
    id: 'jailbreak-persona',
    weight: 0.7,
    reason: 'invokes a jailbreak persona or asks to drop restrictions',
    pattern:
      /\bdo\s+anything\s+now\b|\bdeveloper\s+mode\b|\bjailbr(?:eak|oken)\b|\bwithout\s+(?:any\s+)?(?:restrictions|limitations|filters|censorship|guardrails)\b|\bno\s+(?:ethical|moral|safety)\s+(?:guidelines|restrictions|limits|filters)\b|\b(?:unfiltered|uncensored|unrestricted)\s+(?:ai|assistant|mode|model)\b/,
  },
  {
    id: 'system-prompt-exfiltration',
    weight: 0.7,
    reason: 'asks for the system prompt or hidden instructions',
    pattern:
      /\b(?:reveal|show|print|display|repeat|output|leak|dump|recite|disclose|tell\s+me|give\s+me|what\s+(?:is|are|was|were))\s+(?:me\s+)?(?:(?:your|the|all|any)\s+)?(?:(?:full|entire|exact|original|initial|hidden|secret|complete|first)\s+){0,3}(?:system\s+(?:prompt|message|instructions)|(?:hidden|initial|original|secret)\s+(?:instructions|prompt)|developer\s+(?:message|prompt)|instructions\s+you\s+(?:were|have\s+been)\s+given|prompt\s+above)\b|\brepeat\s+(?:the\s+|all\s+)?(?:words|text|everything)\s+above\b/,
  },
  {
    id: 'fake-role-delimiter',
    weight: 0.5,
    reason: 'contains chat-template tokens or role headers that impersonate the system',
    pattern:
      /<\|(?:im_start|im_end|system|assistant|endoftext|eot_id|start_header_id)\|>|\[\/?inst\]|<<\/?sys>>|<\/?(?:system|sys)>|(?:^|\n)[ \t]*(?:#{1,6}[ \t]*)?(?:system|system\s+prompt|new\s+instructions)[ \t]*:|"role"\s*:\s*"system"|\b(?:end\s+of|begin(?:ning\s+of)?)\s+(?:the\s+)?(?:system\s+prompt|user\s+input|new\s+instructions)\b/,
  },
  {
    id: 'instruction-smuggling',
    weight: 0.5,
    reason: 'asks the model to decode hidden text and follow it',
    pattern:
      /\b(?:decode|decrypt|deobfuscate)\s+(?:this|the\s+following|it)\b[^.\n]{0,60}\b(?:follow|execute|obey|do\s+what|carry\s+out|run)\b/,
  },
];
