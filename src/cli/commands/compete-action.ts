import { createSpinner } from '../create-spinner.js';
import { createStyle } from '../create-style.js';
import { exitCodes } from '../exit-codes.js';
import type { GatewayClient } from '../gateway-client.js';
import { toCompeteBody, type CompeteOptions } from './compete-options.js';
import { renderCompeteReport } from './compete-report.js';
import type { CompeteResponse } from './compete-response.js';

/**
 * `arbiter compete`'s work: posts the prompt to the gateway's `/compete` with a spinner on a terminal's
 * stderr while the contenders run, then prints the raw answer (`--json`) or the report. Exit code 0 when
 * a contender won, 1 when none answered (the gateway then refuses with every contender's reason, which
 * runClientCommand prints).
 */
export async function runCompeteAction(
  client: GatewayClient,
  prompt: string,
  options: CompeteOptions,
): Promise<number> {
  const who = options.providers ? options.providers.join(', ') : 'the configured contenders';
  const spinner = createSpinner({ label: `Competing: ${who}` });
  let text: string;
  try {
    const response = await client.post('/compete', toCompeteBody(prompt, options));
    text = await response.body.text();
  } finally {
    spinner.stop();
  }
  if (options.json) {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  } else {
    const report = renderCompeteReport(JSON.parse(text) as CompeteResponse, {
      style: createStyle(),
      columns: process.stdout.isTTY ? (process.stdout.columns ?? 80) - 1 : undefined,
    });
    process.stdout.write(`${report}\n`);
  }
  return exitCodes.ok;
}
