/**
 * Progress for long work on stderr: a redrawn bar on a terminal, one line per new stage otherwise (logs,
 * CI), nothing at all when `quiet` (e.g. with --json, whose stdout must stay pure JSON).
 */
export interface ProgressBar {
  update(progress: number, stage: string): void;
  done(message: string): void;
}

export function createProgressBar(
  write: (text: string) => void,
  options: { readonly tty: boolean; readonly quiet?: boolean; readonly width?: number },
): ProgressBar {
  const width = options.width ?? 30;
  let lastStage = '';
  let drawn = false;
  return {
    update(progress, stage) {
      if (options.quiet) return;
      const pct = Math.max(0, Math.min(100, Math.round(progress)));
      if (options.tty) {
        const filled = Math.round((pct / 100) * width);
        write(
          `\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${stage}\x1b[K`,
        );
        drawn = true;
      } else if (stage !== lastStage) {
        write(`${pct}% ${stage}\n`);
      }
      lastStage = stage;
    },
    done(message) {
      if (options.quiet) return;
      write(`${drawn ? '\n' : ''}${message}\n`);
    },
  };
}
