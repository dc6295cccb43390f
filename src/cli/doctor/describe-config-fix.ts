import type { ConfigIssue } from '../../config/config-error.js';

const variableName = /^[A-Z][A-Z0-9_]*\b/;

/**
 * The next step for one configuration problem: an environment variable is fixed (or removed) where it
 * is set, a config-file path is fixed in the file. The issue's own message already says what is wrong.
 */
export function describeConfigFix(issue: ConfigIssue, configFile?: string): string {
  const variable = variableName.exec(issue.path)?.[0];
  if (variable) {
    return `fix or unset ${variable} in the environment or .env (.env.example documents every variable)`;
  }
  return `fix "${issue.path}" in ${configFile ?? 'arbiter.yaml'} (the README's Configure section shows the format)`;
}
