// /proc sampling: CPU ticks and peak RSS of a process and its descendants (Arbiter's workers included).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

export const clockTicks =
  Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

function readProcs() {
  const procs = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after "comm)" (comm may hold spaces): state ppid ... utime(12) stime(13) cutime(14) cstime(15).
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
      procs.push({ pid: Number(entry), ppid: Number(fields[1]), ticks });
    } catch {
      // The process ended while we looked: nothing to count.
    }
  }
  return procs;
}

function processTree(pid) {
  const procs = readProcs();
  const tree = procs.filter((p) => p.pid === pid);
  for (let i = 0; i < tree.length; i++) tree.push(...procs.filter((p) => p.ppid === tree[i].pid));
  return tree;
}

/** CPU ticks (user+system, reaped children included) of the tree; optionally resets its peak RSS. */
export function sampleCpu(pid, { resetPeak = false } = {}) {
  if (!pid) return null;
  const tree = processTree(pid);
  if (resetPeak) for (const p of tree) tryWrite(`/proc/${p.pid}/clear_refs`, '5'); // 5 = reset VmHWM
  return tree.reduce((sum, p) => sum + p.ticks, 0);
}

/** Busy ticks of the whole machine, to spot other work (another benchmark, a test run) stealing the cores. */
export function machineBusyTicks() {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return user + nice + system + irq + softirq + steal;
}

/** Sum over the tree of a `/proc/<pid>/status` field in kB (VmHWM: peak RSS, VmRSS: current), as MB. */
function statusMb(pid, field) {
  if (!pid) return null;
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      kb += Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${p.pid}/status`, 'utf8'))[1]);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

export const peakRssMb = (pid) => statusMb(pid, 'VmHWM');
export const rssMb = (pid) => statusMb(pid, 'VmRSS');

function tryWrite(file, text) {
  try {
    writeFileSync(file, text);
  } catch {
    // Older kernels or no permission: VmHWM then is the peak since the process started.
  }
}
