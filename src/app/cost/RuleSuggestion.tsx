import { estimatedSaving, suggestRecordingRule } from '../../prometheus/recording';
import type { TargetCost } from '../../prometheus/stats';
import { formatCount } from './costTable';

/** A recording rule for one costly query: the YAML, the rewritten panel query, the saving. */
export default function RuleSuggestion(props: { template: string; cost: TargetCost }) {
  const s = suggestRecordingRule(props.template);
  if ('reason' in s)
    return (
      <p className="muted" data-testid="rule-reason">
        No rule suggested: {s.reason}
      </p>
    );
  const saving = estimatedSaving(props.cost, s);
  const copy = (text: string) => void navigator.clipboard?.writeText(text).catch(() => undefined);
  return (
    <div className="rule-suggestion" data-testid="rule-suggestion">
      <p>
        Record <code data-testid="rule-record">{s.record}</code> (add to a rules file of the
        Prometheus, then reload it), and let the panel read it:
      </p>
      <pre data-testid="rule-yaml">{s.yaml}</pre>
      <button type="button" onClick={() => copy(s.yaml)}>
        Copy rule
      </button>
      <p>
        Panel query: <code data-testid="rule-rewritten">{s.rewritten}</code>{' '}
        <button type="button" onClick={() => copy(s.rewritten)}>
          Copy query
        </button>
      </p>
      {saving && (
        <p className="muted" data-testid="rule-saving">
          Each refresh would process about {saving.exact ? '' : 'at least '}
          {formatCount(saving.after)} samples instead of {formatCount(saving.before)}
          {saving.after > 0
            ? ` (${formatCount(Math.round(saving.before / saving.after))}× fewer)`
            : ''}
          . The recorded series start when the rule is loaded (older ranges stay empty unless
          backfilled with <code>promtool tsdb create-blocks-from rules</code>).
        </p>
      )}
    </div>
  );
}
