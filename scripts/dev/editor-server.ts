// The content editor's local proxy (decap-server): lets /admin/ edit a folder's files with no account, on loopback only;
// in its Git mode, with the editorial workflow (each change a draft branch until it is published).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

export interface EditorServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A free loopback port, for when the caller asks for port 0. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface EditorServerOptions {
  /**
   * `fs` (the default): the files the editor saves are written straight into the folder, with no Git commands.
   * `git`: the folder is a Git repository of its own; with the editorial workflow each change is committed on a branch
   * `cms/<collection>/<slug>` and merged into the main branch when it is published. decap-server checks those branches
   * out in the folder and commits everything in it (`git add .`), so it must never be a working tree someone edits.
   */
  mode?: 'fs' | 'git';
  /** Git mode: the name and address its commits carry (the person saving or publishing); Git's own settings otherwise. */
  author?: { name: string; email: string };
}

/**
 * The repository the editorial workflow runs in: a clone of `from` made in `dir` the first time (its branch `branch`
 * checked out), kept as it is later so drafts in review survive a restart. Publishing always records a merge commit
 * (merge.ff false), so the history shows who published a change as well as who wrote it.
 */
export function workflowRepository(from: string, dir: string, branch = 'main'): string {
  if (!existsSync(dir)) execFileSync('git', ['clone', '--quiet', '--local', '--branch', branch, from, dir], { stdio: 'pipe' });
  execFileSync('git', ['-C', dir, 'config', 'merge.ff', 'false']);
  return dir;
}

/** Starts decap-server on `folder` (the repository's root, where content/ lies), on loopback only. */
export async function startEditorServer(folder: string, requestedPort = 4326, options: EditorServerOptions = {}): Promise<EditorServer> {
  const port = requestedPort === 0 ? await freePort() : requestedPort;
  const entry = createRequire(import.meta.url).resolve('decap-server/dist/index.js');
  const { author } = options;
  const identity = author
    ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_COMMITTER_NAME: author.name, GIT_COMMITTER_EMAIL: author.email }
    : {};
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: folder,
    env: {
      ...process.env,
      ...identity,
      PORT: String(port),
      BIND_HOST: '127.0.0.1',
      MODE: options.mode ?? 'fs',
      GIT_REPO_DIRECTORY: folder,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const url = `http://127.0.0.1:${port}/api/v1`;
  // It says nothing when ready at this log level: ask it until it answers.
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`decap-server stopped (exit code ${child.exitCode}): ${output.trim()}`);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"info"}' });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 100) {
      child.kill('SIGTERM');
      throw new Error(`decap-server did not answer on ${url}: ${output.trim()}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    url,
    port,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
