// The panel editor's "Overrides" section of a time series: a list of overrides, each a matcher
// (a series name picked from the preview or typed, a regex, or a query) and its properties.
// The logic (matching, new values, list edits) is panels/shared/overrides.ts.
import { useId } from 'react';
import type { FieldOverride, OverrideMatcher, OverrideProperty } from '../../model/dashboard';
import { overrideRegexError } from '../../model/overrides';
import { parseColor, seriesColor } from '../../units/colors';
import {
  matchCount,
  newProperty,
  OVERRIDE_PROPERTIES,
  replaceAt,
  withoutProperty,
  withProperty,
} from '../shared/overridesEdit';
import { UnitChoices } from '../shared/OptionControls';
import type { SeriesName } from '../types';
import './overrides.css';

const MATCHERS: readonly (readonly [OverrideMatcher['id'], string])[] = [
  ['byName', 'Name'],
  ['byRegexp', 'Regex'],
  ['byFrameRefID', 'Query'],
];

export default function OverridesEditor(props: {
  overrides: readonly FieldOverride[];
  series: readonly SeriesName[];
  refIds: readonly string[];
  onChange(overrides: FieldOverride[]): void;
}) {
  const { overrides, series } = props;
  const namesId = useId();
  const set = (i: number, next: FieldOverride | undefined) =>
    props.onChange(replaceAt(overrides, i, next));
  const add = () =>
    props.onChange([
      ...overrides,
      { matcher: { id: 'byName', options: series[0]?.name ?? '' }, properties: [] },
    ]);
  return (
    <fieldset className="overrides" data-testid="overrides">
      <legend>Overrides</legend>
      <datalist id={namesId}>
        {[...new Set(series.map((s) => s.name))].map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {overrides.map((o, i) => (
        <div className="override" key={i} data-testid="override">
          <MatcherRow
            matcher={o.matcher}
            index={i}
            namesId={namesId}
            refIds={props.refIds}
            count={matchCount(o.matcher, series)}
            onChange={(matcher) => set(i, { ...o, matcher })}
            onRemove={() => set(i, undefined)}
          />
          {o.properties.map((p) => (
            <div className="row override-prop" key={p.id} data-testid="override-property">
              <span className="override-prop-name">
                {OVERRIDE_PROPERTIES.find(([id]) => id === p.id)?.[1] ?? p.id}
              </span>
              <PropertyValue property={p} onChange={(np) => set(i, withProperty(o, np))} />
              <button
                type="button"
                className="icon"
                aria-label={`Remove ${p.id}`}
                onClick={() => set(i, withoutProperty(o, p.id))}
              >
                ✕
              </button>
            </div>
          ))}
          <select
            data-testid="override-add-property"
            aria-label="Add property"
            value=""
            onChange={(e) => {
              const id = OVERRIDE_PROPERTIES.find(([pid]) => pid === e.target.value)?.[0];
              if (id) set(i, withProperty(o, newProperty(id, seriesColor(i))));
            }}
          >
            <option value="">+ Add property…</option>
            {OVERRIDE_PROPERTIES.filter(([id]) => !o.properties.some((p) => p.id === id)).map(
              ([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ),
            )}
          </select>
        </div>
      ))}
      <button type="button" data-testid="override-add" onClick={add}>
        + Add override
      </button>
    </fieldset>
  );
}

function MatcherRow(props: {
  matcher: OverrideMatcher;
  index: number;
  namesId: string;
  refIds: readonly string[];
  count: number;
  onChange(m: OverrideMatcher): void;
  onRemove(): void;
}) {
  const m = props.matcher;
  const error = m.id === 'byRegexp' ? overrideRegexError(m.options) : undefined;
  return (
    <>
      <div className="row override-matcher">
        <select
          data-testid="override-matcher"
          aria-label={`Override ${props.index + 1} matches by`}
          value={m.id}
          onChange={(e) => {
            const id = MATCHERS.find(([mid]) => mid === e.target.value)?.[0] ?? 'byName';
            props.onChange({ id, options: id === 'byFrameRefID' ? (props.refIds[0] ?? 'A') : '' });
          }}
        >
          {MATCHERS.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
        {m.id === 'byFrameRefID' ? (
          <select
            data-testid="override-match"
            aria-label="Query"
            value={m.options}
            onChange={(e) => props.onChange({ ...m, options: e.target.value })}
          >
            {[...new Set([...props.refIds, m.options])].map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        ) : (
          <input
            data-testid="override-match"
            aria-label={m.id === 'byName' ? 'Series name' : 'Regular expression'}
            aria-invalid={!!error}
            list={m.id === 'byName' ? props.namesId : undefined}
            placeholder={m.id === 'byName' ? 'series name' : '/read|write/'}
            value={m.options}
            onChange={(e) => props.onChange({ ...m, options: e.target.value })}
          />
        )}
        <button
          type="button"
          className="icon"
          aria-label={`Remove override ${props.index + 1}`}
          onClick={props.onRemove}
        >
          ✕
        </button>
      </div>
      {error ? (
        <div className="error" data-testid="override-error">
          Not a regular expression: {error}
        </div>
      ) : (
        <div className="muted override-count" data-testid="override-count">
          {props.count === 1 ? 'matches 1 series' : `matches ${props.count} series`}
        </div>
      )}
    </>
  );
}

/** A finite number typed into an input, or undefined while it is empty or incomplete. */
const typed = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s));

function NumberValue(props: {
  value: number;
  min?: number;
  max?: number;
  label: string;
  onChange(v: number): void;
}) {
  return (
    <input
      type="number"
      aria-label={props.label}
      min={props.min}
      max={props.max}
      value={props.value}
      onChange={(e) => {
        const v = typed(e.target.value);
        if (v === undefined || !Number.isFinite(v)) return;
        const lo = props.min ?? -Infinity;
        const hi = props.max ?? Infinity;
        props.onChange(Math.min(hi, Math.max(lo, v)));
      }}
    />
  );
}

function PropertyValue({
  property: p,
  onChange,
}: {
  property: OverrideProperty;
  onChange(p: OverrideProperty): void;
}) {
  switch (p.id) {
    case 'displayName':
      return (
        <input
          aria-label="Display name"
          value={p.value}
          onChange={(e) => onChange({ id: p.id, value: e.target.value })}
        />
      );
    case 'color':
      return (
        <input
          type="color"
          aria-label="Colour"
          data-testid="override-color"
          value={hexOf(p.value.fixedColor)}
          onChange={(e) =>
            onChange({ id: p.id, value: { mode: 'fixed', fixedColor: e.target.value } })
          }
        />
      );
    case 'unit':
      return (
        <select
          aria-label="Unit"
          value={p.value}
          onChange={(e) => onChange({ id: p.id, value: e.target.value })}
        >
          <UnitChoices unit={p.value} />
        </select>
      );
    case 'decimals':
      return (
        <NumberValue
          label="Decimals"
          min={0}
          max={20}
          value={p.value}
          onChange={(v) => onChange({ id: p.id, value: Math.round(v) })}
        />
      );
    case 'min':
    case 'max':
      return (
        <NumberValue
          label={p.id === 'min' ? 'Min' : 'Max'}
          value={p.value}
          onChange={(v) => onChange({ id: p.id, value: v })}
        />
      );
    case 'custom.lineWidth':
      return (
        <NumberValue
          label="Line width"
          min={0}
          max={10}
          value={p.value}
          onChange={(v) => onChange({ id: p.id, value: v })}
        />
      );
    case 'custom.fillOpacity':
      return (
        <NumberValue
          label="Fill opacity"
          min={0}
          max={100}
          value={p.value}
          onChange={(v) => onChange({ id: p.id, value: v })}
        />
      );
    case 'custom.axisPlacement':
      return (
        <select
          aria-label="Y axis"
          data-testid="override-axis"
          value={p.value}
          onChange={(e) =>
            onChange({
              id: p.id,
              value: e.target.value === 'auto' ? 'auto' : pick(e.target.value, SIDES, 'right'),
            })
          }
        >
          <option value="auto">Auto</option>
          <option value="left">Left</option>
          <option value="right">Right</option>
          <option value="hidden">Hidden</option>
        </select>
      );
    case 'custom.transform':
      return <span className="muted">mirrored below zero</span>;
    case 'custom.drawStyle':
      return (
        <select
          aria-label="Draw style"
          value={p.value}
          onChange={(e) => onChange({ id: p.id, value: pick(e.target.value, STYLES, 'line') })}
        >
          <option value="line">Lines</option>
          <option value="bars">Bars</option>
          <option value="points">Points</option>
        </select>
      );
    case 'custom.stacking':
      return (
        <>
          <select
            aria-label="Stacking"
            value={p.value.mode}
            onChange={(e) =>
              onChange({
                id: p.id,
                value: { ...p.value, mode: pick(e.target.value, STACKS, 'none') },
              })
            }
          >
            <option value="none">Off</option>
            <option value="normal">Normal</option>
            <option value="percent">100 %</option>
          </select>
          <input
            aria-label="Stack group"
            size={4}
            value={p.value.group}
            onChange={(e) => onChange({ id: p.id, value: { ...p.value, group: e.target.value } })}
          />
        </>
      );
    case 'custom.hideFrom':
      return (
        <span className="row">
          {(['viz', 'legend', 'tooltip'] as const).map((k) => (
            <label key={k} className="check">
              <input
                type="checkbox"
                checked={p.value[k]}
                onChange={(e) =>
                  onChange({ id: p.id, value: { ...p.value, [k]: e.target.checked } })
                }
              />
              {k === 'viz' ? 'graph' : k}
            </label>
          ))}
        </span>
      );
  }
}

const SIDES = ['left', 'right', 'hidden'] as const;
const STYLES = ['line', 'bars', 'points'] as const;
const STACKS = ['none', 'normal', 'percent'] as const;

function pick<T extends string>(v: string, allowed: readonly T[], fallback: T): T {
  return allowed.find((a) => a === v) ?? fallback;
}

/** `<input type=color>` takes #rrggbb only: any other colour (a Grafana name) as its hex. */
function hexOf(color: string): string {
  const c = parseColor(color);
  if (!c) return '#808080';
  const h = (n: number) =>
    Math.round(Math.min(255, Math.max(0, n)))
      .toString(16)
      .padStart(2, '0');
  return `#${h(c.r)}${h(c.g)}${h(c.b)}`;
}
