import type { ProviderConfig } from './arbiter-config.js';
import { competitionEvaluatorNames, type CompetitionFile } from './competition-file-schema.js';
import type { EnvReader } from './env-reader.js';

/** How `race` and `compete` run when a request does not say (DESIGN.md §1: strategy, evaluator). */
export interface CompetitionConfig {
  /**
   * Route names or `provider/model`s (`COMPETE_CONTENDERS`, `competition.contenders`); empty means the
   * default model of every configured provider.
   */
  contenders: string[];
  /** `fastest` (default), `judge` or `consensus` (`COMPETE_EVALUATOR`, `competition.evaluator`). */
  evaluator: (typeof competitionEvaluatorNames)[number];
  /** Contenders still running by then are aborted (`competition.deadlineMs`, default 30 s). */
  deadlineInMs: number;
  judge: {
    /** The judge's route (`JUDGE_MODEL`, `competition.judge.model`); without one, `judge` acts as `fastest`. */
    model?: string;
    /** Replaces the built-in rubric (`competition.judge.rubric`). */
    rubric?: string;
    /** A judge slower than this is abandoned for `fastest` (`competition.judge.deadlineMs`, default 20 s). */
    deadlineInMs: number;
  };
}

/** What contender and judge names may refer to, to catch typos at start-up. */
export interface CompetitionNames {
  providers: readonly Pick<ProviderConfig, 'name' | 'models'>[];
  routes: ReadonlySet<string>;
}

/**
 * The competition settings: the environment first, then `competition:` in the config file. Contender and
 * judge names must name a configured provider (alone or as `provider/model`), a route, or a model a
 * provider serves; `race` and `compete` cannot compete or judge. With no provider configured (demo mode)
 * names are not checked, since the demo providers are not known yet.
 */
export function readCompetitionConfig(
  reader: EnvReader,
  file: CompetitionFile = {},
  names: CompetitionNames,
): CompetitionConfig {
  const fromEnv = reader.list('COMPETE_CONTENDERS');
  const contenders = fromEnv.length > 0 ? fromEnv : (file.contenders ?? []);
  const contendersPath = fromEnv.length > 0 ? 'COMPETE_CONTENDERS' : 'competition.contenders';
  contenders.forEach((name, index) => {
    const problem = checkName(name, names);
    if (problem) reader.issues.push({ path: `${contendersPath}[${index}]`, message: problem });
  });

  let evaluator = file.evaluator ?? 'fastest';
  const envEvaluator = reader.string('COMPETE_EVALUATOR')?.toLowerCase();
  if (envEvaluator !== undefined) {
    if ((competitionEvaluatorNames as readonly string[]).includes(envEvaluator))
      evaluator = envEvaluator as CompetitionConfig['evaluator'];
    else
      reader.issues.push({
        path: 'COMPETE_EVALUATOR',
        message: `"${envEvaluator}" is not one of ${competitionEvaluatorNames.join(', ')}`,
      });
  }

  const judgeModel = reader.string('JUDGE_MODEL') ?? file.judge?.model;
  const judgePath = reader.string('JUDGE_MODEL') ? 'JUDGE_MODEL' : 'competition.judge.model';
  const judgeProblem = judgeModel === undefined ? undefined : checkName(judgeModel, names);
  if (judgeProblem) reader.issues.push({ path: judgePath, message: judgeProblem });
  if (evaluator === 'judge' && judgeModel === undefined) {
    reader.issues.push({
      path: envEvaluator ? 'COMPETE_EVALUATOR' : 'competition.evaluator',
      message: '"judge" needs a judge model: set JUDGE_MODEL (or competition.judge.model)',
    });
  }
  return {
    contenders,
    evaluator,
    deadlineInMs: file.deadlineMs ?? 30_000,
    judge: { model: judgeModel, rubric: file.judge?.rubric, deadlineInMs: file.judge?.deadlineMs ?? 20_000 },
  };
}

function checkName(name: string, names: CompetitionNames): string | undefined {
  if (name === 'race' || name === 'compete') return `"${name}" is a contest and cannot take part in one`;
  if (names.providers.length === 0 || names.routes.has(name) || name === 'auto') return undefined;
  const configured = names.providers.map((provider) => provider.name);
  const slash = name.indexOf('/');
  if (slash > 0 && configured.includes(name.slice(0, slash))) return undefined;
  if (configured.includes(name)) return undefined;
  if (names.providers.some((provider) => provider.models.includes(name))) return undefined;
  return `"${name}" is not a configured provider, route or model (providers: ${configured.join(', ')})`;
}
