import type { LearningSkill, ProgressPoint } from '../../api/learning.js';
import { SKILLS } from './learn-format.js';

/**
 * The geometry of the skills-over-time chart, kept pure: each point of the progress history (onboarding,
 * placement, every graded result) is one step along x, so results minutes apart stay readable; skills
 * (0–1) go up the y axis. The chart component only draws what this returns.
 */

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Room for the axis labels: left, right, top, bottom. */
  readonly padding: {
    readonly left: number;
    readonly right: number;
    readonly top: number;
    readonly bottom: number;
  };
}

export interface ChartPoint {
  readonly x: number;
  readonly y: number;
  readonly value: number;
  readonly at: string;
}

export interface SkillLine {
  readonly skill: LearningSkill;
  readonly points: readonly ChartPoint[];
  /** SVG path data through the points ("M x y L x y …"). */
  readonly path: string;
}

export interface ChartGeometry {
  readonly lines: readonly SkillLine[];
  /** Horizontal grid lines at 0, 25, 50, 75 and 100 %. */
  readonly gridY: readonly { readonly y: number; readonly label: string }[];
}

export const DEFAULT_BOX: ChartBox = {
  width: 640,
  height: 240,
  padding: { left: 44, right: 12, top: 12, bottom: 24 },
};

/** A box as wide as the chart is shown (never under 260 px), lower on a phone. */
export function chartBoxFor(width: number): ChartBox {
  const w = Math.max(260, Math.round(width));
  return { ...DEFAULT_BOX, width: w, height: w < 520 ? 200 : 260 };
}

const round = (value: number) => Math.round(value * 10) / 10;

/** x of the i-th of n points: spread across the plot, a lone point in the middle. */
export function xOf(index: number, count: number, box: ChartBox): number {
  const left = box.padding.left;
  const span = box.width - box.padding.left - box.padding.right;
  return round(count <= 1 ? left + span / 2 : left + (span * index) / (count - 1));
}

/** y of a skill value (clamped to 0–1): 1 at the top of the plot, 0 at its bottom. */
export function yOf(value: number, box: ChartBox): number {
  const clamped = Math.min(1, Math.max(0, value));
  const top = box.padding.top;
  const span = box.height - box.padding.top - box.padding.bottom;
  return round(top + span * (1 - clamped));
}

/** One line per skill (all six, or `only`), through every history point. */
export function chartGeometry(
  history: readonly ProgressPoint[],
  box: ChartBox = DEFAULT_BOX,
  only?: readonly LearningSkill[],
): ChartGeometry {
  const skills = only ?? SKILLS;
  const lines = skills.map((skill) => {
    const points = history.map((point, index) => ({
      x: xOf(index, history.length, box),
      y: yOf(point.skills[skill], box),
      value: point.skills[skill],
      at: point.at,
    }));
    const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
    return { skill, points, path };
  });
  const gridY = [0, 0.25, 0.5, 0.75, 1].map((value) => ({
    y: yOf(value, box),
    label: `${Math.round(value * 100)} %`,
  }));
  return { lines, gridY };
}
