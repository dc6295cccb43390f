// Top functions by self time in a V8 .cpuprofile (from BENCH_CPU_PROF=1), grouped by function and file,
// so an overhead can be read without opening DevTools. Usage: node bench/profile-summary.js FILE [TOP]
import { readFileSync } from 'node:fs';

const [file, top = '25'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/profile-summary.js FILE.cpuprofile [TOP]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const samplesByNode = new Map();
for (const id of profile.samples) samplesByNode.set(id, (samplesByNode.get(id) ?? 0) + 1);

const byFunction = new Map();
for (const [id, count] of samplesByNode) {
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  const where = url ? `${url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}` : '';
  const key = `${functionName || '(anonymous)'} ${where}`.trim();
  byFunction.set(key, (byFunction.get(key) ?? 0) + count);
}

const total = profile.samples.length;
const idle = [...byFunction].filter(([key]) => key.startsWith('(idle)')).reduce((sum, [, n]) => sum + n, 0);
console.log(`${total} samples, ${((100 * idle) / total).toFixed(1)} % idle; self time as % of busy samples:`);
for (const [key, count] of [...byFunction]
  .filter(([k]) => !k.startsWith('(idle)'))
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(top))) {
  console.log(`${((100 * count) / (total - idle)).toFixed(1).padStart(5)} %  ${key}`);
}
