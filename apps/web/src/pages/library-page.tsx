import { Link } from 'react-router';
import { useMe } from '../api/auth.js';
import { fileDownloadUrl, useLibrary, type LibraryItem } from '../api/library.js';
import { ErrorPanel } from '../components/error-panel.js';
import { usePageTitle } from '../layout/use-page-title.js';

function ItemRow({ item }: { readonly item: LibraryItem }) {
  const created = new Date(item.createdAt);
  return (
    <li className="library-item">
      <h2>{item.title}</h2>
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

/** The user's saved items with download links; a prompt to log in when logged out. */
export function LibraryPage() {
  usePageTitle('Library');
  const me = useMe();
  const library = useLibrary(Boolean(me.data));

  let body;
  if (me.isPending) body = <p className="muted">Checking your account…</p>;
  else if (me.isError)
    body = (
      <ErrorPanel
        title="Your account could not be checked."
        error={me.error}
        onRetry={() => void me.refetch()}
      />
    );
  else if (!me.data)
    body = (
      <div className="panel">
        <p>
          Your library keeps the arrangements, transcriptions, exercises and compositions you save.{' '}
          <Link to="/login">Log in</Link> or <Link to="/signup">sign up</Link> to see it.
        </p>
      </div>
    );
  else if (library.isPending) body = <p className="muted">Loading your library…</p>;
  else if (library.isError)
    body = (
      <ErrorPanel
        title="Your library could not be loaded."
        error={library.error}
        onRetry={() => void library.refetch()}
      />
    );
  else if (library.data.length === 0)
    body = (
      <div className="panel">
        <p>Nothing saved yet. Items you save from the other pages appear here.</p>
      </div>
    );
  else
    body = (
      <ul className="library-list">
        {library.data.map((item) => (
          <ItemRow key={item.id} item={item} />
        ))}
      </ul>
    );

  return (
    <>
      <h1>Library</h1>
      {body}
    </>
  );
}
