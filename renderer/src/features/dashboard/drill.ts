/**
 * What a click on a dashboard figure opens: the figure's name, the cases it counts and, for a
 * rate, the cases of its base.
 */
import type { Figure, IndicatorName } from '../../../../core/quality/indicators';

/** A figure the user drilled into. */
export interface Drill {
  /** Shown as the drawer's title, e.g. "judge.li · 超审限未结". */
  readonly label: string;
  readonly name: IndicatorName;
  readonly figure: Figure;
}

/** Opens the drill-down of a figure (set by the screen, read by the drawer). */
export type OpenDrill = (drill: Drill) => void;
