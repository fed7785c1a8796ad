import type { QueryStats } from '../../prometheus/stats';
import { formatCount, formatServerTime } from './costTable';

/** "2 883 samples processed · peak 12 · 0.5 ms on the server" (what the server reported). */
export default function CostFigures({ cost }: { cost: QueryStats }) {
  return (
    <span className="cost-figures">
      {cost.samples !== undefined && (
        <>
          <span data-testid="cost-samples" data-value={cost.samples}>
            {formatCount(cost.samples)}
          </span>{' '}
          samples processed
        </>
      )}
      {cost.peakSamples !== undefined && (
        <>
          {' · peak '}
          <span data-testid="cost-peak" data-value={cost.peakSamples}>
            {formatCount(cost.peakSamples)}
          </span>
        </>
      )}
      {cost.serverSec !== undefined && (
        <>
          {' · '}
          <span data-testid="cost-server-time" data-value={cost.serverSec}>
            {formatServerTime(cost.serverSec)}
          </span>{' '}
          on the server
        </>
      )}
    </span>
  );
}
