import { chmod, rm } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { resolve } from 'node:path';

/**
 * The running bot takes a backup when the command line asks, over a Unix socket beside the
 * embedded database: PGlite lets one process open its directory, so `npm run cli -- backup` cannot
 * read it while the bot has it, and asks the bot instead. The socket is the bot's file (mode 600).
 */
export function backupSocketPath(pgliteDataDir: string): string {
  return `${resolve(pgliteDataDir)}.backup.sock`;
}

export interface SocketRequest {
  /** Where to write the backup (an absolute path); BACKUP_DIR when absent. */
  out?: string;
}
export type SocketAnswer = { ok: true; file: string; tables: number; rows: number } | { ok: false; error: string };

export async function serveBackups(path: string, answer: (request: SocketRequest) => Promise<SocketAnswer>): Promise<Server> {
  const server = createServer((socket) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (!text.includes('\n')) return;
      let request: SocketRequest;
      try {
        request = JSON.parse(text.slice(0, text.indexOf('\n'))) as SocketRequest;
      } catch {
        socket.end(`${JSON.stringify({ ok: false, error: 'bad request' })}\n`);
        return;
      }
      void answer(request).then(
        (result) => socket.end(`${JSON.stringify(result)}\n`),
        (error: unknown) => socket.end(`${JSON.stringify({ ok: false, error: (error as Error).message })}\n`),
      );
    });
    socket.on('error', () => undefined);
  });
  // A socket file left by a process that died answers nobody: it is replaced.
  if (!(await askable(path))) await rm(path, { force: true });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(path, () => done());
  });
  await chmod(path, 0o600);
  server.unref();
  return server;
}

/** Whether a bot answers on the socket. */
export function askable(path: string): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(path);
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/** Asks the running bot for a backup; undefined when no bot answers on the socket. */
export function askForBackup(path: string, request: SocketRequest, timeoutMs = 10 * 60_000): Promise<SocketAnswer | undefined> {
  return new Promise((done, fail) => {
    const socket = connect(path);
    let connected = false;
    let text = '';
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('the bot did not answer in time')));
    socket.once('connect', () => {
      connected = true;
      socket.write(`${JSON.stringify(request)}\n`);
    });
    socket.on('data', (chunk: string) => (text += chunk));
    socket.once('end', () => {
      try {
        done(JSON.parse(text) as SocketAnswer);
      } catch {
        fail(new Error('the bot gave no answer'));
      }
    });
    socket.once('error', (error) => (connected ? fail(error) : done(undefined)));
  });
}
