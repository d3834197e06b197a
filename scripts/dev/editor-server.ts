// The content editor's local proxy (decap-server): lets /admin/ edit a folder's files with no account, on loopback only.
import { spawn, type ChildProcess } from 'node:child_process';
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

/**
 * Starts decap-server in file-system mode: it writes the files the editor saves straight into `folder` (the
 * repository's root, where content/ lies), with no Git commands and no branch switching.
 */
export async function startEditorServer(folder: string, requestedPort = 4326): Promise<EditorServer> {
  const port = requestedPort === 0 ? await freePort() : requestedPort;
  const entry = createRequire(import.meta.url).resolve('decap-server/dist/index.js');
  const child: ChildProcess = spawn(process.execPath, [entry], {
    cwd: folder,
    env: { ...process.env, PORT: String(port), BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: folder, LOG_LEVEL: 'warn' },
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
