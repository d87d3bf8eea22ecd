import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScore, midiOf, parsePitch, rat } from '@cadenza/core';
import { readMusicXml, writeMidi } from '@cadenza/formats';
import { loadConfig } from '@cadenza/platform';
import { startServer, type RunningServer } from '@cadenza/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { createProgressBar } from '../src/progress-bar.js';

describe('progress bar', () => {
  it('redraws one bar on a terminal', () => {
    let out = '';
    const bar = createProgressBar((t) => (out += t), { tty: true, width: 10 });
    bar.update(0, 'reading');
    bar.update(50, 'writing');
    bar.done('wrote x');
    expect(out).toBe('\r[----------]   0% reading\x1b[K\r[#####-----]  50% writing\x1b[K\nwrote x\n');
  });

  it('prints one line per stage elsewhere, and nothing when quiet', () => {
    let out = '';
    const bar = createProgressBar((t) => (out += t), { tty: false });
    bar.update(0, 'reading');
    bar.update(10, 'reading');
    bar.update(50, 'writing');
    expect(out).toBe('0% reading\n50% writing\n');
    let quiet = '';
    createProgressBar((t) => (quiet += t), { tty: false, quiet: true }).update(5, 'x');
    expect(quiet).toBe('');
  });
});

describe('cadenza convert --server runs the conversion as a job on a server', () => {
  let server: RunningServer;
  const dir = mkdtempSync(join(tmpdir(), 'cadenza-remote-'));
  beforeAll(async () => {
    const config = { ...loadConfig({ CADENZA_DATA_DIR: dir, CADENZA_LOG_LEVEL: 'silent' }, dir), port: 0 };
    server = await startServer(
      { ...config, webDir: join(dir, 'none') },
      { handleSignals: false, logger: false },
    );
  });
  afterAll(() => server.close());

  it('uploads, follows progress and writes the result', async () => {
    const score = createScore({
      parts: [
        {
          notes: ['G4', 'A4', 'B4'].map((p, i) => ({
            pitch: parsePitch(p),
            position: rat(i),
            duration: rat(1),
            staff: 1,
            voice: 1,
          })),
        },
      ],
    });
    writeFileSync(join(dir, 'in.mid'), writeMidi(score));
    let err = '';
    const code = await runCli(['convert', 'in.mid', '-o', 'out.musicxml', '--server', server.url], {
      stdout: () => undefined,
      stderr: (t) => (err += t),
      cwd: dir,
    });
    expect(code, err).toBe(0);
    expect(err).toMatch(/^\d+% \w+$/m); // a small job may already be done when we start following it
    expect(err).toMatch(/wrote out\.musicxml \(job [A-Za-z0-9_-]+\)/);
    const back = readMusicXml(readFileSync(join(dir, 'out.musicxml'), 'utf8'));
    expect(back.parts[0]?.notes.map((n) => midiOf(n.pitch))).toEqual([67, 69, 71]);
  });
});
