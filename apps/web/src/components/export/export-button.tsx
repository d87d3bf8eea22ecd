import { useState } from 'react';
import type { ExportSource } from '../../api/export.js';
import { ExportDialog } from './export-dialog.js';

/** "Export…": opens the Export dialog for one score. */
export function ExportButton({
  source,
  className = 'button-secondary',
}: {
  readonly source: ExportSource;
  readonly className?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className={className}
        aria-haspopup="dialog"
        aria-label={`Export ${source.title}`}
        onClick={() => setOpen(true)}
      >
        Export…
      </button>
      {open && <ExportDialog source={source} onClose={() => setOpen(false)} />}
    </>
  );
}
