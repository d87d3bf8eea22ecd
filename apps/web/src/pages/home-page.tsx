import { Link } from 'react-router';
import { SECTIONS } from '../layout/sections.js';
import { usePageTitle } from '../layout/use-page-title.js';

export function HomePage() {
  usePageTitle('Studio');
  return (
    <>
      <h1>Welcome to the Cadenza studio</h1>
      <p className="lead">An open-source place to learn music: see it, hear it, understand it.</p>
      <ul className="card-grid">
        {SECTIONS.map((section) => (
          <li key={section.path} className="card">
            <h2>
              <Link to={section.path}>{section.label}</Link>
            </h2>
            <p>{section.summary}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
