import { request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chordScore, parseChordSymbol } from '@cadenza/core';
import { readMusicXml, writeScore } from '@cadenza/formats';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, spawnNode, type Spawned } from './process.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

/** Resolves true when a new TCP connection to the port is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

let server: Spawned | undefined;
afterEach(() => {
  server?.child.kill('SIGKILL');
  server = undefined;
});

describe.skipIf(!existsSync(MAIN))(
  'graceful shutdown of the real server process (needs `npx tsc -b`)',
  () => {
    it('on SIGTERM stops accepting connections, finishes a slow upload with 200, then exits 0', async () => {
      const port = await freePort();
      server = spawnNode(MAIN, [], { CADENZA_PORT: String(port) });
      await server.waitFor(/Cadenza is serving on http:\/\/127\.0\.0\.1:\d+/);

      // A slow client: it sends the upload's first half, and the rest only after the signal.
      const midi = writeScore(chordScore(parseChordSymbol('Cmaj7')), 'midi');
      const boundary = 'slowBoundary';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.mid"\r\n\r\n`,
      );
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      const half = Math.floor(midi.length / 2);
      const req = request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/convert?to=musicxml',
        agent: false,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'x-request-id': 'slow-upload-1',
        },
      });
      const response = new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
        req.once('response', (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.once('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        });
        req.once('error', reject);
      });
      req.write(Buffer.concat([head, midi.subarray(0, half)]));
      await server.waitFor(/"reqId":"slow-upload-1".*incoming request/);

      server.child.kill('SIGTERM');
      await server.waitFor(/shutting down/);
      let closed = false;
      for (let i = 0; i < 50 && !closed; i++) {
        closed = await refused(port);
        if (!closed) await new Promise((r) => setTimeout(r, 100));
      }
      expect(closed).toBe(true);

      req.end(Buffer.concat([midi.subarray(half), tail]));
      const { status, body } = await response;
      expect(status).toBe(200);
      const notes = readMusicXml(new Uint8Array(body)).parts.flatMap((p) => p.notes);
      expect(notes.map((n) => n.pitch.step).sort()).toEqual(['B', 'C', 'E', 'G']);
      expect(await server.exited).toBe(0);
      expect(server.lines.some((l) => l.includes('shut down cleanly'))).toBe(true);
    });
  },
);
