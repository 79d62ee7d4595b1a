import { Typography } from 'antd';
import type { Figure, IndicatorName } from '../../../../core/quality/indicators';
import type { OpenDrill } from './drill';
import { formatChange, formatFigure } from './format';

/** Props of {@link FigureLink}. */
export interface FigureLinkProps {
  readonly name: IndicatorName;
  readonly figure: Figure;
  /** What the figure is about ("民一庭", a judge), for the drill-down title. */
  readonly label: string;
  readonly open: OpenDrill;
  /** Change against the previous period, shown small beneath. */
  readonly change?: number | null;
  readonly testId?: string;
  /** Font size in px (the daily monitor's headline figures are large). */
  readonly size?: number;
}

/** A figure that opens the cases behind it when clicked (plain text when it counts no case). */
export function FigureLink({ name, figure, label, open, change, testId, size }: FigureLinkProps) {
  const style = size ? { fontSize: size } : undefined;
  const text = formatFigure(name, figure);
  const delta =
    change === undefined ? null : (
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatChange(name, change)}
        </Typography.Text>
      </div>
    );
  if (figure.ids.length === 0 && figure.baseIds.length === 0)
    return (
      <span data-testid={testId} style={style}>
        {text}
        {delta}
      </span>
    );
  return (
    <span>
      <Typography.Link data-testid={testId} style={style} onClick={() => open({ label, name, figure })}>
        {text}
      </Typography.Link>
      {delta}
    </span>
  );
}
