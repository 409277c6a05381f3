// Starts the packaged platform with the demo county on a free port and a fresh data folder, waits until it is ready,
// the demo accounts sign in and the county runs every shipped program, and stops it after the tests. FUPIN_URL tells the tests where it is.
// The platform runs from a copy of the distribution: a plugin the tests upload lands in the copy's deploy/ folder,
// never in the build's.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const built = resolve(process.cwd(), '../../../distribution/target/fupin');

function freePort() {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function ready(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const answer = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'clerk', password: 'fupin-demo' }),
      });
      if (answer.ok) {
        // and the demo county runs every shipped program (the demo activity enables them one after another)
        const { token } = await answer.json();
        const programs = await (await fetch(`${url}/api/v1/programs?county=620502`,
          { headers: { Authorization: `Bearer ${token}` } })).json();
        if (programs.length > 0 && programs.every((p) => p.enabled)) {
          return;
        }
      }
    } catch (e) {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the platform at ${url} did not get ready`);
}

export default async function globalSetup() {
  const port = await freePort();
  const work = mkdtempSync(join(tmpdir(), 'fupin-e2e-'));
  const home = join(work, 'fupin');
  const data = join(work, 'data');
  cpSync(built, home, { recursive: true, filter: (path) => path !== join(built, 'data') });
  const platform = spawn(join(home, 'bin/fupin'), ['--port', String(port), '--data', data, '--demo'],
    { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  process.env.FUPIN_URL = url;
  try {
    await ready(url, Date.now() + 120_000);
  } catch (e) {
    process.kill(-platform.pid, 'SIGKILL');
    throw e;
  }
  return async () => {
    process.kill(-platform.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 2000));
    try {
      process.kill(-platform.pid, 'SIGKILL');
    } catch (e) {
      // already gone
    }
    rmSync(work, { recursive: true, force: true });
  };
}
