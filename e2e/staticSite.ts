// `npm run build` deployed as a teacher would: the built folder under /lab/ of a temporary site on
// a plain static file server (python3 -m http.server: no COOP/COEP headers, no middleware).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2ePort, repoRoot, startServer, type RunningServer } from './servers';

export const basePath = '/lab/';

export interface StaticSite {
  /** The site's folder; the build is in `lab/` under it. */
  root: string;
  port: number;
  server: RunningServer;
  /** Builds the lab into `outDir` (by default the served `lab/`), with extra environment. */
  build: (env: NodeJS.ProcessEnv, outDir?: string) => void;
  stop: () => Promise<void>;
}

/** Builds the lab and serves it on the port `offset` beside the preview server's. */
export async function startStaticSite(offset: number): Promise<StaticSite> {
  const root = mkdtempSync(join(tmpdir(), 'llp-static-'));
  const port = e2ePort(offset);
  const build = (env: NodeJS.ProcessEnv, outDir = join(root, 'lab')) =>
    void execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--emptyOutDir', '--outDir', outDir], {
      cwd: repoRoot,
      env: { ...process.env, LLP_BASE: basePath, ...env },
      stdio: 'pipe',
      timeout: 5 * 60_000,
    });
  build({});
  const server = await startServer('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], {
    cwd: root,
    url: `http://127.0.0.1:${port}${basePath}`,
  });
  const stop = async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  };
  return { root, port, server, build, stop };
}
