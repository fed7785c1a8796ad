/** Grafana `table` panels, and Grafana ≤ 7's `table-old` with per-column `styles`. */
import { arr, isObj, obj, pick, str, type Obj } from '../../model/json';
import type { FieldConfigInput, GrafanaConversion, GrafanaPanelContext } from '../types';

const TABLE_CUSTOM = ['align', 'width', 'minWidth', 'cellOptions', 'displayMode', 'filterable'];
const TABLE_KEYS = ['showHeader', 'cellHeight', 'sortBy', 'footer'];

export function tableFromGrafana(raw: Readonly<Obj>, ctx: GrafanaPanelContext): GrafanaConversion {
  const styles = arr(raw.styles);
  if (styles.length === 0 && raw.type !== 'table-old') {
    const fieldConfig = ctx.fieldConfig('none');
    const custom = pick(obj(ctx.fieldDefaults.custom), TABLE_CUSTOM);
    if (Object.keys(custom).length) fieldConfig.custom = custom;
    return { fieldConfig, options: pick(obj(raw.options), TABLE_KEYS) };
  }
  // Grafana ≤ 7 table: per-column `styles`; the catch-all style gives the defaults.
  const catchAll = styles.find((s) => isObj(s) && (s.pattern === '/.*/' || s.pattern === '.*'));
  const base = obj(catchAll);
  const fieldConfig: FieldConfigInput = { unit: str(base.unit)?.trim() || 'short' };
  const decimals = ctx.decimals(base.decimals);
  if (decimals !== undefined) fieldConfig.decimals = decimals;
  const others = styles.length - (catchAll ? 1 : 0);
  if (others > 0) {
    ctx.warn(
      `Old table: ${others} column style(s) (names, units, links, colours, hidden columns) not carried over`,
    );
  }
  const transform = str(raw.transform);
  if (transform && transform !== 'table' && transform !== 'timeseries_to_columns') {
    ctx.warn(`Old table transform "${transform}" is not supported`);
  }
  return { fieldConfig, options: { showHeader: raw.showHeader !== false } };
}
