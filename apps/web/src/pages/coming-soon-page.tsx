import { Link } from 'react-router';
import { usePageTitle } from '../layout/use-page-title.js';
import { PLANNED_FEATURES, type PlannedFeatureId } from './planned-features.js';

/** An honest page for a section that is not built yet: what it will do, nothing that pretends to work. */
export function ComingSoonPage({ feature }: { readonly feature: PlannedFeatureId }) {
  const { title, intro, will, meanwhile } = PLANNED_FEATURES[feature];
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <section className="panel panel--notice" aria-labelledby="coming-heading">
        <h2 id="coming-heading">Coming in a later release</h2>
        <p>{intro}</p>
        <p>When it arrives, it will:</p>
        <ul>
          {will.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="muted">
          {meanwhile} <Link to="/theory">Open Theory</Link>
        </p>
      </section>
    </>
  );
}
