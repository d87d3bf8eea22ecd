import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { AccountMenu } from './account-menu.js';
import { SECTIONS } from './sections.js';

/**
 * Every page sits in this frame: a skip link, the header with the name, the main navigation (behind a
 * menu button on a phone) and the account links, then the page in <main>.
 */
export function AppShell() {
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  // After a navigation: close the phone menu and move focus to the new page, as a full page load would.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    setMenuOpen(false);
    mainRef.current?.focus();
  }, [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="site-header__bar">
          <NavLink to="/" className="brand" aria-label="Cadenza home">
            <span aria-hidden="true" className="brand__mark">
              ♪
            </span>
            Cadenza
          </NavLink>
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span aria-hidden="true">{menuOpen ? '✕' : '☰'}</span> Menu
          </button>
          <nav id="main-nav" aria-label="Main" className={menuOpen ? 'main-nav is-open' : 'main-nav'}>
            <ul>
              {SECTIONS.map((section) => (
                <li key={section.path}>
                  <NavLink to={section.path}>{section.label}</NavLink>
                </li>
              ))}
            </ul>
            <AccountMenu />
          </nav>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="page">
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>
          Cadenza is open source. The same features are available from the HTTP API (<a href="/docs">/docs</a>
          ) and the <code>cadenza</code> command line.
        </p>
      </footer>
    </div>
  );
}
