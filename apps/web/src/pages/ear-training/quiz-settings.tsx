import { useId } from 'react';
import type { EarTrainingQuestionType } from '../../api/ear-training.js';
import { ChoiceGroup } from '../../components/export/choice-group.js';
import { QUESTION_TYPES } from './question-types.js';

const LEVELS = Array.from({ length: 10 }, (_, i) => i + 1);

export interface QuizSettingsProps {
  readonly type: EarTrainingQuestionType;
  readonly difficulty: number;
  readonly onType: (type: EarTrainingQuestionType) => void;
  readonly onDifficulty: (difficulty: number) => void;
  readonly onAsk: () => void;
  readonly busy: boolean;
}

/** What to practise: the kind of question and the difficulty; "New question" asks one. */
export function QuizSettings(props: QuizSettingsProps) {
  const { type, difficulty, onType, onDifficulty, onAsk, busy } = props;
  const difficultyId = useId();
  return (
    <form
      className="ear-settings"
      onSubmit={(event) => {
        event.preventDefault();
        onAsk();
      }}
    >
      <ChoiceGroup legend="Exercise" choices={QUESTION_TYPES} value={type} onChange={onType} />
      <div className="ear-settings__row">
        <label htmlFor={difficultyId}>Difficulty</label>
        <select
          id={difficultyId}
          value={difficulty}
          onChange={(event) => onDifficulty(Number(event.currentTarget.value))}
        >
          {LEVELS.map((level) => (
            <option key={level} value={level}>
              {level}
              {level === 1 ? ' (easiest)' : level === 10 ? ' (hardest)' : ''}
            </option>
          ))}
        </select>
        <button type="submit" disabled={busy}>
          {busy ? 'Asking…' : 'New question'}
        </button>
      </div>
    </form>
  );
}
