import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: a folder for this run's one build of the studio (see e2e/harness.ts buildStudio).
 * Costs nothing unless an e2e file builds; removed when the run ends.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'cadenza-e2e-build-'));
  process.env.CADENZA_E2E_BUILD_DIR = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
