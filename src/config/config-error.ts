/** One problem in the configuration: where (`providers.groq.baseUrl`, `GROQ_TIMEOUT`) and what. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/**
 * Thrown when the configuration cannot be used. Start-up prints `format()` and exits, never a stack
 * trace: the message names the exact place and problem.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly issues: ConfigIssue[],
  ) {
    super(
      `invalid configuration in ${source}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    );
  }

  format(): string {
    const lines = this.issues.map((issue) => `  - ${issue.path}: ${issue.message}`);
    return `Arbiter cannot start: the configuration in ${this.source} is invalid.\n${lines.join('\n')}`;
  }
}
