import { useEffect, useRef } from 'react';
import * as echarts from 'echarts';

/** Props of {@link Chart}. */
export interface ChartProps {
  readonly option: echarts.EChartsOption;
  readonly height?: number;
  readonly testId?: string;
  /** Called with the index of the series and data point the user clicked. */
  readonly onPointClick?: (seriesIndex: number, dataIndex: number) => void;
}

/**
 * An ECharts chart (canvas). Beside it a hidden `<img>` keeps a picture of the rendered chart,
 * which the print view shows instead of the canvas (charts print as pictures, printView.ts).
 */
export function Chart({ option, height = 280, testId, onPointClick }: ChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const picture = useRef<HTMLImageElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onPointClick);
  useEffect(() => {
    clickRef.current = onPointClick;
  }, [onPointClick]);

  useEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('finished', () => {
      if (picture.current) picture.current.src = c.getDataURL({ pixelRatio: 2, backgroundColor: '#fff' });
    });
    c.on('click', (p) => clickRef.current?.(p.seriesIndex ?? 0, p.dataIndex));
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ animation: false, ...option }, true);
  }, [option]);

  return (
    <div className="cd-chart" data-testid={testId}>
      <div ref={host} className="cd-chart-live" style={{ height, width: '100%' }} />
      <img ref={picture} className="cd-chart-print" alt="" style={{ display: 'none', width: '100%' }} />
    </div>
  );
}
