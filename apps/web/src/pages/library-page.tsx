import { useState } from 'react';
import { useMe } from '../api/auth.js';
import { fileDownloadUrl, useLibrary, type LibraryItem } from '../api/library.js';
import { AccountGate } from '../components/account-gate.js';
import { ErrorPanel } from '../components/error-panel.js';
import { BatchExportDialog } from '../components/export/batch-export-dialog.js';
import { ExportButton } from '../components/export/export-button.js';
import { SignedOutPanel } from '../components/signed-out-panel.js';
import { usePageTitle } from '../layout/use-page-title.js';

function ItemRow({
  item,
  selected,
  onSelect,
}: {
  readonly item: LibraryItem;
  readonly selected: boolean;
  readonly onSelect: (selected: boolean) => void;
}) {
  const created = new Date(item.createdAt);
  return (
    <li className={selected ? 'library-item is-selected' : 'library-item'}>
      <div className="library-item__head">
        <input
          type="checkbox"
          className="library-item__select"
          checked={selected}
          onChange={(event) => onSelect(event.target.checked)}
          aria-label={`Select ${item.title}`}
        />
        <h2>{item.title}</h2>
        <ExportButton source={{ kind: 'item', id: item.id, title: item.title }} />
      </div>
      <p className="muted">
        {item.kind} · saved{' '}
        <time dateTime={item.createdAt}>
          {Number.isNaN(created.getTime()) ? item.createdAt : created.toLocaleString()}
        </time>
      </p>
      {item.files.length > 0 ? (
        <ul className="file-links" aria-label={`Downloads for ${item.title}`}>
          {item.files.map((file) => (
            <li key={file.id}>
              <a href={fileDownloadUrl(item, file)} download={file.fileName}>
                {file.fileName}
              </a>{' '}
              <span className="muted">({file.role})</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No files.</p>
      )}
    </li>
  );
}

/** Checkboxes on the items and "Export selected…" for a ZIP of several items in several formats. */
function LibraryList({ items }: { readonly items: readonly LibraryItem[] }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [batchOpen, setBatchOpen] = useState(false);
  // Items deleted elsewhere drop out of the selection.
  const chosen = items.filter((item) => selected.has(item.id));
  const allSelected = chosen.length === items.length;
  const select = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  return (
    <>
      <div className="library-toolbar" role="group" aria-label="Selection">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={allSelected}
            onChange={(event) =>
              setSelected(new Set(event.target.checked ? items.map((item) => item.id) : []))
            }
          />
          Select all
        </label>
        <span className="muted" aria-live="polite">
          {chosen.length} selected
        </span>
        <button
          type="button"
          aria-haspopup="dialog"
          disabled={chosen.length === 0}
          onClick={() => setBatchOpen(true)}
        >
          Export selected…
        </button>
      </div>
      <ul className="library-list">
        {items.map((item) => (
          <ItemRow
            key={item.id}
            item={item}
            selected={selected.has(item.id)}
            onSelect={(on) => select(item.id, on)}
          />
        ))}
      </ul>
      {batchOpen && chosen.length > 0 && (
        <BatchExportDialog
          items={chosen.map((item) => ({ id: item.id, title: item.title }))}
          onClose={() => setBatchOpen(false)}
        />
      )}
    </>
  );
}

/** The signed-in user's saved items, loaded: a list, or a word when there are none. */
function SavedItems() {
  const library = useLibrary(true);
  if (library.isPending) return <p className="muted">Loading your library…</p>;
  if (library.isError)
    return (
      <ErrorPanel
        title="Your library could not be loaded."
        error={library.error}
        onRetry={() => void library.refetch()}
      />
    );
  if (library.data.length === 0)
    return (
      <div className="panel">
        <p>Nothing saved yet. Items you save from the other pages appear here.</p>
      </div>
    );
  return <LibraryList items={library.data} />;
}

/** The user's saved items with download links and export; a prompt to log in when logged out. */
export function LibraryPage() {
  usePageTitle('Library');
  const me = useMe();
  return (
    <>
      <h1>Library</h1>
      <AccountGate
        me={me}
        signedOut={
          <SignedOutPanel goal="see it">
            <p>Your library keeps the arrangements, transcriptions, exercises and compositions you save.</p>
          </SignedOutPanel>
        }
      >
        {() => <SavedItems />}
      </AccountGate>
    </>
  );
}
