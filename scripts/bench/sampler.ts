/**
 * Peak resident memory of a process tree, sampled from /proc: the root
 * process (Node) and the sum of its Chromium descendants; and the tree's CPU
 * time (user + system, with the children it has reaped), which says more
 * than wall time on a busy machine.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface PeakMemory {
  nodeMb: number;
  chromiumMb: number;
  /** CPU seconds of the tree, as of the last sample before it ended. */
  cpuSeconds: number;
}

/** Clock ticks per second of /proc/PID/stat times (USER_HZ, 100 on Linux). */
const TICKS = 100;

interface Proc {
  pid: number;
  ppid: number;
  name: string;
  rssKb: number;
  cpuTicks: number;
}

/** utime + stime + cutime + cstime: fields 14–17 of /proc/PID/stat, counted after the command's closing parenthesis. */
function cpuTicks(pid: string): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return fields.slice(11, 15).reduce((sum, field) => sum + Number(field), 0);
}

function processes(): Proc[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const field = (key: string) => new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(status)?.[1] ?? '';
        return [{ pid: Number(pid), ppid: Number(field('PPid')), name: field('Name'), rssKb: parseInt(field('VmRSS'), 10) || 0, cpuTicks: cpuTicks(pid) }];
      } catch {
        return [];
      }
    });
}

function treeOf(root: number, all: Proc[]): Proc[] {
  const tree = all.filter((p) => p.pid === root);
  for (let i = 0; i < tree.length; i++) tree.push(...all.filter((p) => p.ppid === tree[i].pid));
  return tree;
}

/** Samples the tree under `root` every `everyMs` until `stop()`, which gives the peaks. */
export function samplePeaks(root: number, everyMs = 200): { stop(): PeakMemory } {
  const peak = { nodeMb: 0, chromiumMb: 0, cpuTicks: 0 };
  const sample = () => {
    const tree = treeOf(root, processes());
    const mb = (procs: Proc[]) => procs.reduce((sum, p) => sum + p.rssKb, 0) / 1024;
    peak.nodeMb = Math.max(peak.nodeMb, mb(tree.filter((p) => p.pid === root)));
    peak.chromiumMb = Math.max(peak.chromiumMb, mb(tree.filter((p) => /chrom/i.test(p.name))));
    peak.cpuTicks = Math.max(peak.cpuTicks, tree.reduce((sum, p) => sum + p.cpuTicks, 0));
  };
  const timer = setInterval(sample, everyMs);
  sample();
  return {
    stop() {
      clearInterval(timer);
      return { nodeMb: Math.round(peak.nodeMb), chromiumMb: Math.round(peak.chromiumMb), cpuSeconds: peak.cpuTicks / TICKS };
    },
  };
}
