// Servers that specs start for themselves, as a user would: `npm start`, or a plain static file
// server over a built folder. Each runs in its own process group, so stopping it stops its children.
import { spawn, type ChildProcess } from 'node:child_process';

export const repoRoot = new URL('..', import.meta.url).pathname;

export interface RunningServer {
  url: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** Starts `command args` in `cwd`, waits until `url` answers 200, and collects its output. */
export async function startServer(
  command: string,
  args: string[],
  options: { cwd: string; url: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunningServer> {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(options.url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${options.url} did not answer within the timeout:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url: options.url, log: () => output, stop };
}

/** Ports beside the preview server's (E2E_PORT), so several checkouts can test at once. */
export const e2ePort = (offset: number) => Number(process.env.E2E_PORT ?? 4173) + offset;
