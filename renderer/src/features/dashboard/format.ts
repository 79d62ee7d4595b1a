/**
 * How dashboard figures are written: rates as percentages with one decimal, days with one decimal,
 * yuan with thousands separators, counts as they are; "—" where a figure has no value.
 */
import { RATE_INDICATORS, type Figure, type IndicatorName } from '../../../../core/quality/indicators';

/** The kind of unit an indicator is shown in. */
export type FigureUnit = 'rate' | 'days' | 'yuan' | 'count';

/** The unit of an indicator. */
export function unitOf(name: IndicatorName): FigureUnit {
  if (RATE_INDICATORS.has(name)) return 'rate';
  if (name === 'averageDays' || name === 'medianDays') return 'days';
  if (name === 'amountRecovered') return 'yuan';
  return 'count';
}

/** A figure's value as text (`85.7%`, `108.2`, `85,000.00`, `12`, or `—`). */
export function formatValue(name: IndicatorName, value: number | null): string {
  if (value === null) return '—';
  switch (unitOf(name)) {
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'days':
      return value.toFixed(1);
    case 'yuan':
      return value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'count':
      return String(value);
  }
}

/** A figure as text. */
export function formatFigure(name: IndicatorName, f: Figure): string {
  return formatValue(name, f.value);
}

/** A change between two values (`+3.2 pts`, `-2`), or `—`. Rates change in percentage points. */
export function formatChange(name: IndicatorName, delta: number | null): string {
  if (delta === null) return '—';
  const v = unitOf(name) === 'rate' ? delta * 100 : delta;
  const text = unitOf(name) === 'count' ? String(Math.round(v)) : v.toFixed(1);
  return `${v > 0 ? '+' : ''}${text}${unitOf(name) === 'rate' ? 'pt' : ''}`;
}
