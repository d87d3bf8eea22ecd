// Helpers shared by the MusicXML tests: note fingerprints for comparisons and the schema check.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatRational, pitchName, type Score } from '@cadenza/core';

export const SHARED = (path: string): string =>
  fileURLToPath(new URL(`../../../../shared/${path}`, import.meta.url));
export const XSD = SHARED('schemas/musicxml/musicxml.xsd');
export const BACH_DIR = SHARED('eval/scores/bach/');

export const hasXmllint = (): boolean => spawnSync('xmllint', ['--version']).status === 0 && existsSync(XSD);

/** Every note as "part|pitch|position|duration|staff|voice", sorted, for exact comparisons. */
export function noteFingerprints(score: Score): string[] {
  return score.parts
    .flatMap((p, i) =>
      p.notes.map(
        (n) =>
          `${i}|${pitchName(n.pitch)}|${formatRational(n.position)}|${formatRational(n.duration)}|${n.staff}|${n.voice}`,
      ),
    )
    .sort();
}

/** Runs xmllint on many files in one call; returns the files that failed, with its messages. */
export function validateWithXsd(files: readonly string[]): { valid: number; failures: string[] } {
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', XSD, ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = `${run.stdout}\n${run.stderr}`.split('\n');
  const valid = lines.filter((l) => l.endsWith(' validates')).length;
  const failures = lines.filter((l) => l.includes('fails to validate') || / error : /.test(l)).slice(0, 20);
  return { valid, failures };
}
