/** Starts a server (or the hello-world baseline) in its own process and reads its RSS. */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export const startProcess = (args: string[], port: number): Promise<ChildProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    const poll = setInterval(() => {
      fetch(`http://127.0.0.1:${port}/readyz`).then(
        (res) => {
          if (!res.ok) return;
          clearInterval(poll);
          resolve(child);
        },
        () => undefined,
      );
    }, 200);
  });

export const rssMb = (pid: number): number => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.split(/\s+/)[1] ?? 0) / 1024;
};
