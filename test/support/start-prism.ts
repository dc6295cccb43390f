import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const specsDirectory = fileURLToPath(new URL('../../../shared/specs/', import.meta.url));
const prismPath = fileURLToPath(new URL('../../node_modules/.bin/prism', import.meta.url));

/** A free loopback port (bound, then released for the child to take). */
export function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Prism serving one official OpenAPI document as a validating mock (see ../shared/specs/README.md): an
 * invalid request gets 422 with the reasons. Start-up takes 5-40 s depending on the spec.
 */
export async function startPrism(specFile: string, timeoutInMs = 120_000) {
  const port = await getFreePort();
  const child = spawn(prismPath, ['mock', '-h', '127.0.0.1', '-p', String(port), specsDirectory + specFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Prism did not start in ${timeoutInMs} ms:\n${output.slice(-2000)}`)),
      timeoutInMs,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
  child.stdout.removeAllListeners('data');
  child.stderr.removeAllListeners('data');
  child.stdout.resume();
  child.stderr.resume();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
