import { useMemo } from 'react';
import { sparkline } from '../shared/layout';

/** A small area/line chart of one series (plain SVG). */
export default function Sparkline(props: {
  times: Float64Array;
  values: Float64Array;
  width: number;
  height: number;
  stroke: string;
  fill: string;
  min?: number | undefined;
  max?: number | undefined;
}) {
  const { times, values, width, height, stroke, fill, min, max } = props;
  const s = useMemo(
    () => sparkline(times, values, width, height, { min, max }),
    [times, values, width, height, min, max],
  );
  if (s.lines.length === 0) return null;
  return (
    <svg
      className="stat-sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden
    >
      {s.areas.map((pts, i) => (
        <polygon key={`a${i}`} points={pts} fill={fill} stroke="none" />
      ))}
      {s.lines.map((pts, i) => (
        <polyline
          key={`l${i}`}
          points={pts}
          fill="none"
          stroke={stroke}
          strokeWidth={1.5}
          strokeLinejoin="round"
        />
      ))}
    </svg>
  );
}
