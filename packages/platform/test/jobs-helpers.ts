// Shared by the job-queue test files: the fixtures handlers module, following a job to its end,
// a small real score and a Redis reachability probe.
import { connect } from 'node:net';
import { createScore, parsePitch, pitchName, rat, type Score } from '@cadenza/core';
import type { JobEvent } from '@cadenza/contracts';
import { readScore, writeScore } from '@cadenza/formats';
import type { EnqueueOptions, JobQueue } from '@cadenza/platform';

/** The test-only handlers (test.progress, test.busy, test.sleep, test.fail-n-times…). */
export const TEST_HANDLERS = new URL('./jobs-fixtures/test-handlers.mjs', import.meta.url);

export interface FollowedJob {
  readonly id: string;
  /** Every event so far, in order. */
  readonly events: JobEvent[];
  /** The completed or failed event. */
  readonly end: Promise<JobEvent>;
}

/** Enqueues and subscribes in the same tick, so that no event is missed. */
export async function startJob(
  queue: JobQueue,
  kind: string,
  input: unknown,
  options?: EnqueueOptions,
  timeoutMs = 20_000,
): Promise<FollowedJob> {
  const record = await queue.enqueue(kind, input, options);
  const events: JobEvent[] = [];
  const end = new Promise<JobEvent>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`job ${kind} did not end within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const stop = queue.subscribe(record.id, (event) => {
      events.push(event);
      if (event.type !== 'progress') {
        clearTimeout(timer);
        stop();
        resolve(event);
      }
    });
  });
  return { id: record.id, events, end };
}

/** Resolves at the job's first progress event with this stage. */
export function stageReached(queue: JobQueue, id: string, stage: string): Promise<void> {
  return new Promise((resolve) => {
    const stop = queue.subscribe(id, (event) => {
      if (event.type === 'progress' && event.stage === stage) {
        stop();
        resolve();
      }
    });
  });
}

export const SMALL_SCORE_PITCHES = ['C4', 'E4', 'G4', 'C5'];

/** A one-bar piano score (C E G C quarters) as Standard MIDI File bytes. */
export function smallMidi(): Uint8Array {
  const notes = SMALL_SCORE_PITCHES.map((p, i) => ({
    pitch: parsePitch(p),
    position: rat(i),
    duration: rat(1),
    staff: 1,
    voice: 1,
  }));
  return writeScore(createScore({ parts: [{ notes }] }), 'midi');
}

/** The pitch names of a score's notes in time order, e.g. ['C4', 'E4', …]. */
export function pitchNames(score: Score): string[] {
  return score.parts.flatMap((p) => p.notes).map((n) => pitchName(n.pitch));
}

export function readMusicXmlBase64(base64: string): Score {
  return readScore(new Uint8Array(Buffer.from(base64, 'base64')), 'musicxml');
}

type RespReply = string | number | null | RespReply[];

/** Parses one RESP reply at `at`; undefined while the buffer is incomplete. */
function parseResp(text: string, at: number): { value: RespReply; next: number } | undefined {
  const eol = text.indexOf('\r\n', at);
  if (eol < 0) return undefined;
  const head = text.slice(at + 1, eol);
  switch (text[at]) {
    case '+':
      return { value: head, next: eol + 2 };
    case '-':
      throw new Error(`Redis: ${head}`);
    case ':':
      return { value: Number(head), next: eol + 2 };
    case '$': {
      const length = Number(head);
      if (length < 0) return { value: null, next: eol + 2 };
      if (text.length < eol + 2 + length + 2) return undefined;
      return { value: text.slice(eol + 2, eol + 2 + length), next: eol + 2 + length + 2 };
    }
    case '*': {
      const items: RespReply[] = [];
      let next = eol + 2;
      for (let i = 0; i < Number(head); i++) {
        const item = parseResp(text, next);
        if (!item) return undefined;
        items.push(item.value);
        next = item.next;
      }
      return { value: items, next };
    }
    case undefined:
      return undefined;
    default:
      throw new Error(`Redis: unexpected reply ${JSON.stringify(text.slice(at, at + 20))}`);
  }
}

/** Sends one command to Redis on a fresh connection and resolves with its reply (ASCII keys only). */
export function redisCommand(url: string, ...args: string[]): Promise<RespReply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    let text = '';
    socket.setTimeout(5000, () => socket.destroy(new Error(`Redis at ${url} did not answer ${args[0]}`)));
    socket.once('error', reject);
    socket.once('connect', () =>
      socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`),
    );
    socket.on('data', (data) => {
      text += data.toString('latin1');
      try {
        const reply = parseResp(text, 0);
        if (!reply) return;
        socket.end();
        resolve(reply.value);
      } catch (error) {
        socket.destroy();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** True when a Redis server answers PING at `url` within 1 s. */
export function redisReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}
