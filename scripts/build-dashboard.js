#!/usr/bin/env node
/**
 * Builds the web dashboard (dashboard/) into dist/dashboard/: one minified ES module and one stylesheet
 * with content hashes in their names (served with a year-long cache), index.html pointing at them
 * (served no-cache), and the files of dashboard/public/. `npm run build` runs it after tsc, and
 * `npm install` runs that (`prepare`), so the dashboard is built at install time.
 *
 *   node scripts/build-dashboard.js [output directory]     (default: dist/dashboard)
 *
 * Fails when the gzipped JavaScript outgrows its budget: the dashboard is meant to load fast from a
 * gateway on a laptop or a phone, with nothing fetched from anywhere else.
 */
import { build } from 'esbuild';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'dashboard');
const output = resolve(process.argv[2] ?? join(root, 'dist', 'dashboard'));
/** The budget: under 100 KB of gzipped JavaScript in total. */
const javaScriptBudgetInBytes = 100 * 1024;
/** Where the gateway serves the files (src/server/routes/dashboard.ts). */
const publicPath = '/ui';

const startedAt = performance.now();
rmSync(output, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { app: join(source, 'src', 'main.tsx') },
  outdir: join(output, 'assets'),
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  tsconfig: join(source, 'tsconfig.json'),
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

const files = Object.keys(result.metafile.outputs).map((path) => resolve(root, path));
const script = files.find((path) => path.endsWith('.js'));
const style = files.find((path) => path.endsWith('.css'));
if (!script || !style) throw new Error(`The dashboard build made no ${script ? 'stylesheet' : 'script'}.`);
const toUrl = (path) => `${publicPath}/${relative(output, path).split('\\').join('/')}`;

const template = readFileSync(join(source, 'index.html'), 'utf8');
writeFileSync(
  join(output, 'index.html'),
  template.replace('{{script}}', toUrl(script)).replace('{{style}}', toUrl(style)),
);
const publicFiles = join(source, 'public');
if (existsSync(publicFiles)) cpSync(publicFiles, output, { recursive: true });

let javaScriptBytes = 0;
for (const path of files) {
  const body = readFileSync(path);
  const gzipped = gzipSync(body, { level: 9 }).length;
  if (path.endsWith('.js')) javaScriptBytes += gzipped;
  console.log(`  ${relative(root, path)}  ${kilobytes(body.length)} (${kilobytes(gzipped)} gzipped)`);
}
console.log(
  `dashboard built in ${Math.round(performance.now() - startedAt)} ms → ${relative(root, output) || '.'}/ ` +
    `(JavaScript ${kilobytes(javaScriptBytes)} gzipped, budget ${kilobytes(javaScriptBudgetInBytes)})`,
);
if (javaScriptBytes > javaScriptBudgetInBytes) {
  console.error('The dashboard JavaScript is over its size budget: look for a heavy import.');
  process.exit(1);
}

function kilobytes(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
