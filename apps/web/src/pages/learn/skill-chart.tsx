import { useEffect, useId, useRef, useState } from 'react';
import type { ProgressPoint } from '../../api/learning.js';
import { dayText, percentText, SKILL_LABELS, SKILLS } from './learn-format.js';
import { chartBoxFor, chartGeometry } from './skill-chart-model.js';

/** One colour per skill, told apart by dash pattern too (for colour-blind readers and print). */
const SKILL_STYLE = {
  pitch_accuracy: { colour: '#23305a', dash: '' },
  rhythm_accuracy: { colour: '#b4410f', dash: '6 3' },
  sight_reading: { colour: '#2e7d32', dash: '2 3' },
  music_theory: { colour: '#7b1fa2', dash: '10 4' },
  ear_training: { colour: '#00838f', dash: '4 2 1 2' },
  technique: { colour: '#8d6e00', dash: '1 2' },
} as const;

/** The width an element is shown at (again when it changes). */
function useWidth() {
  const ref = useRef<HTMLElement>(null);
  const [value, setValue] = useState(640);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setValue(Math.round(element.getBoundingClientRect().width) || 640);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, value };
}

/**
 * The six skills over time in one SVG chart with a legend: each line steps through the progress history
 * (onboarding, placement, every graded result). Every point has a tooltip; the same numbers are in a
 * table for screen readers and for anyone who prefers numbers.
 */
export function SkillChart({
  history,
  label = 'Your skills over time',
}: {
  readonly history: readonly ProgressPoint[];
  readonly label?: string;
}) {
  const titleId = useId();
  const descId = useId();
  const width = useWidth();
  if (history.length === 0)
    return <p className="muted">No results yet: the chart starts with your first one.</p>;
  // Drawn at the size it is shown, so the labels stay readable on a phone.
  const box = chartBoxFor(width.value);
  const { lines, gridY } = chartGeometry(history, box);
  const last = history[history.length - 1];
  return (
    <figure className="learn-chart" ref={width.ref}>
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        className="learn-chart__svg"
      >
        <title id={titleId}>{label}</title>
        <desc id={descId}>
          {history.length} {history.length === 1 ? 'point' : 'points'}; now{' '}
          {last
            ? SKILLS.map((skill) => `${SKILL_LABELS[skill]} ${percentText(last.skills[skill])}`).join(', ')
            : ''}
          .
        </desc>
        {gridY.map((grid) => (
          <g key={grid.label} className="learn-chart__grid">
            <line x1={box.padding.left} x2={box.width - box.padding.right} y1={grid.y} y2={grid.y} />
            <text x={box.padding.left - 6} y={grid.y + 4} textAnchor="end">
              {grid.label}
            </text>
          </g>
        ))}
        {lines.map((line) => {
          const style = SKILL_STYLE[line.skill];
          return (
            <g
              key={line.skill}
              className="learn-chart__line"
              data-skill={line.skill}
              data-points={line.points.length}
            >
              <path
                d={line.path}
                fill="none"
                stroke={style.colour}
                strokeWidth={2}
                strokeDasharray={style.dash}
              />
              {line.points.map((point, index) => (
                <circle key={index} cx={point.x} cy={point.y} r={3.5} fill={style.colour}>
                  <title>
                    {SKILL_LABELS[line.skill]} {percentText(point.value)} · {dayText(point.at)}
                  </title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="learn-chart__legend" aria-label="Legend">
          {SKILLS.map((skill) => (
            <li key={skill}>
              <svg width="28" height="10" aria-hidden="true">
                <line
                  x1="0"
                  x2="28"
                  y1="5"
                  y2="5"
                  stroke={SKILL_STYLE[skill].colour}
                  strokeWidth="2.5"
                  strokeDasharray={SKILL_STYLE[skill].dash}
                />
              </svg>
              {SKILL_LABELS[skill]}
            </li>
          ))}
        </ul>
      </figcaption>
      <details className="learn-chart__table">
        <summary>The same as a table</summary>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                {SKILLS.map((skill) => (
                  <th key={skill} scope="col">
                    {SKILL_LABELS[skill]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {history.map((point, index) => (
                <tr key={index}>
                  <th scope="row">{dayText(point.at)}</th>
                  {SKILLS.map((skill) => (
                    <td key={skill}>{percentText(point.skills[skill])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
