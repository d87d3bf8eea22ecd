import { usePageTitle } from '../../layout/use-page-title.js';
import { ChordPanel } from './chord-panel.js';
import { ProgressionPanel } from './progression-panel.js';
import { ScalePanel } from './scale-panel.js';

export function TheoryPage() {
  usePageTitle('Theory');
  return (
    <>
      <h1>Theory</h1>
      <p className="lead">
        Spell any chord or scale, analyse a progression, then see it on the staff and hear it with the notes
        lit up as they sound.
      </p>
      <ChordPanel />
      <ScalePanel />
      <ProgressionPanel />
    </>
  );
}
