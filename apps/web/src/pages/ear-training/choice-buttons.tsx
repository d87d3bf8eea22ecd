import type { EarTrainingAnswerResponse, EarTrainingQuestionResponse } from '../../api/ear-training.js';

export interface ChoiceButtonsProps {
  readonly choices: EarTrainingQuestionResponse['choices'];
  /** The choice sent, once answered. */
  readonly chosen: string | undefined;
  readonly result: EarTrainingAnswerResponse | undefined;
  readonly busy: boolean;
  readonly onChoose: (id: string) => void;
}

/** The answer choices as numbered buttons (1–9 on the keyboard); after answering, right green, wrong red. */
export function ChoiceButtons({ choices, chosen, result, busy, onChoose }: ChoiceButtonsProps) {
  return (
    <ol className="ear-choices" aria-label="Answer choices">
      {choices.map((choice, index) => {
        const isRight = result !== undefined && choice.id === result.correct_choice;
        const isWrong = result !== undefined && choice.id === chosen && !result.correct;
        const className = ['ear-choice', isRight && 'is-right', isWrong && 'is-wrong']
          .filter(Boolean)
          .join(' ');
        return (
          <li key={choice.id}>
            <button
              type="button"
              className={className}
              disabled={busy || result !== undefined}
              aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
              onClick={() => onChoose(choice.id)}
            >
              {index < 9 && (
                <span className="ear-choice__key" aria-hidden="true">
                  {index + 1}
                </span>
              )}
              {choice.label}
              {isRight && <span className="visually-hidden"> (the right answer)</span>}
              {isWrong && <span className="visually-hidden"> (your answer)</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
