import { computeCost } from '../accounting/compute-cost.js';
import type { ModelInfoLookup } from '../accounting/get-model-info.js';
import type { ArbiterConfig } from '../config/arbiter-config.js';
import type { CompetitionResult } from '../competition/competition-result.js';
import type { Contender } from '../competition/contender.js';
import { createCompetition } from '../competition/create-competition.js';
import { defaultJudgeRubric } from '../competition/evaluators/build-judge-request.js';
import { replayAsStream } from '../lib/replay-as-stream.js';
import type { LearningSignals } from '../learning/learning-signals.js';
import { systemClock } from '../lib/clock.js';
import { attemptStream, type CommittedStream } from '../routing/attempt-stream.js';
import type { OutcomeListener } from '../routing/outcome.js';
import { isContestRouteName } from '../routing/resolve-contest.js';
import { getDefaultContenders, type RoutableProvider, type RouteResolver } from '../routing/resolve-route.js';
import { RouteError } from '../routing/route-error.js';
import { chatStreamCodec } from '../routing/stream-codec.js';
import type { TargetGate } from '../routing/target-gate.js';
import type { ChatRequest } from '../spec/chat-request.js';
import type { ChatResponse } from '../spec/chat-response.js';
import type { ChatStreamPart } from '../spec/chat-stream-part.js';
import { applyRequestDefaults, toProviderCall } from './apply-request-defaults.js';
import { describeChatRequest } from './describe-chat-request.js';
import type { Gateway, RequestContext, RouteResult } from './gateway-types.js';

export interface GatewayCompetitionOptions {
  config: ArbiterConfig;
  resolver: RouteResolver;
  providers: readonly RoutableProvider[];
  gate: TargetGate;
  learning: LearningSignals;
  getModelInfo: ModelInfoLookup;
  emitOutcome: OutcomeListener;
  /** The judge's request goes through the gateway like any other, fallbacks included. */
  getGateway: () => Gateway;
  reportError?: (error: unknown, message: string) => void;
}

/**
 * The `compete` strategy as the gateway offers it: which routes compete (`compete`, and config routes
 * with `strategy: compete`), who the contenders are (the request's `contenders`, else the route's
 * targets, else `COMPETE_CONTENDERS`, else every provider's default model), and the winner's answer as a
 * route result (streamed callers get it replayed, since nothing can stream before the verdict).
 */
export function createGatewayCompetition(options: GatewayCompetitionOptions) {
  const { config, resolver } = options;
  const settings = config.competition;
  const isCompete = (model: string): boolean => {
    const route = config.routes[model];
    return route ? route.strategy === 'compete' : model === 'compete';
  };
  const competition = createCompetition({
    clock: systemClock,
    learning: options.learning,
    gate: options.gate,
    attempt: (target, request, context) =>
      attemptStream(
        target,
        { ...context, onOutcome: options.emitOutcome },
        (candidate, signal) => candidate.adapter.chatStream(toProviderCall(request, candidate, signal)),
        chatStreamCodec,
      ),
    getCost: (target, usage) => computeCost(usage, options.getModelInfo(target.provider, target.model)),
    defaultEvaluator: settings.evaluator,
    defaultDeadlineInMs: settings.deadlineInMs,
    judge: {
      model: settings.judge.model,
      rubric: settings.judge.rubric ?? defaultJudgeRubric,
      deadlineInMs: settings.judge.deadlineInMs,
      call: settings.judge.model
        ? async (request, context) => {
            if (isCompete(request.model))
              throw new Error(`the judge route "${request.model}" is a competition`);
            return options.getGateway().chat(request, context);
          }
        : undefined,
    },
    reportError: options.reportError,
  });

  function getContenderNames(model: string, context: RequestContext): readonly string[] {
    if (context.contest?.contenders) return context.contest.contenders;
    const route = config.routes[model];
    if (route) return route.targets.map((target) => `${target.provider}/${target.model}`);
    return settings.contenders.length > 0 ? settings.contenders : getDefaultContenders(options.providers);
  }

  /** Each name's targets, in order; a name that resolves to a `provider/model` already entered is dropped. */
  function getContenders(model: string, names: readonly string[]): Contender[] {
    const seen = new Set<string>();
    const contenders: Contender[] = [];
    for (const name of names) {
      if (isContestRouteName(name) || isCompete(name))
        throw new RouteError(
          'model_not_found',
          `"${model}" cannot have the contest "${name}" as a contender.`,
        );
      const { targets } = resolver.resolve(name);
      const first = targets[0];
      if (!first || seen.has(`${first.provider}/${first.model}`)) continue;
      seen.add(`${first.provider}/${first.model}`);
      contenders.push({ name, targets });
    }
    if (contenders.length === 0)
      throw new RouteError(
        'model_not_found',
        `"${model}" has no contenders that any configured provider serves.`,
      );
    return contenders;
  }

  async function compete(request: ChatRequest, context: RequestContext): Promise<CompetitionResult> {
    const prepared = applyRequestDefaults(request, config);
    return competition.run({
      route: request.model,
      request: prepared,
      contenders: getContenders(request.model, getContenderNames(request.model, context)),
      requestId: context.requestId,
      signal: context.signal,
      estimatedTokens: (context.selection ?? describeChatRequest(prepared)).estimatedInputTokens,
      evaluator: context.contest?.evaluator,
      deadlineInMs: context.contest?.deadlineInMs,
      observer: context.contest?.observer,
    });
  }

  async function chat(request: ChatRequest, context: RequestContext): Promise<RouteResult<ChatResponse>> {
    const result = await compete(request, context);
    const { winner } = result;
    // The usage log prices a request at its last successful attempt: the winner goes last.
    const attempts = [
      ...result.contenders.filter((contender) => contender !== winner).map((contender) => contender.record),
      winner.record,
    ];
    return {
      value: winner.response,
      target: winner.target,
      attempts,
      route: result.route,
      competition: result,
    };
  }

  return {
    isCompete,
    compete,
    chat,
    async chatStream(
      request: ChatRequest,
      context: RequestContext,
    ): Promise<RouteResult<CommittedStream<ChatStreamPart>>> {
      const result = await chat(request, context);
      const stream = {
        parts: replayAsStream(result.value),
        ttftInMs: result.competition!.totalTimeInMs,
        cancel: () => undefined,
      };
      return { ...result, value: stream };
    },
  };
}
