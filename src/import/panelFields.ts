/**
 * The Grafana field vocabulary every panel type shares, handed to the panel plugins as their
 * GrafanaPanelContext: field defaults (Grafana 6's `fieldOptions` too), units, decimals,
 * thresholds, mappings and reducer aliases, with notes at the panel's path.
 */
import type { FieldConfigInput, GrafanaPanelContext } from '../panels/types';
import {
  convertMappings,
  convertThresholds,
  decimalsOf,
  legacyMappings,
  normalizeCalc,
  normalizeCalcs,
  singlestatThresholds,
} from './fields';
import { num, obj, str, type Notes, type Obj } from './util';

/** The modern field defaults, falling back to Grafana 6's `options.fieldOptions`. */
export function fieldDefaults(raw: Obj): Obj {
  const defaults = obj(obj(raw.fieldConfig).defaults);
  const fo = obj(obj(raw.options).fieldOptions);
  if (Object.keys(fo).length === 0) return defaults;
  const old = obj(fo.defaults);
  return {
    ...old,
    thresholds: old.thresholds ?? fo.thresholds,
    mappings: old.mappings ?? fo.mappings,
    ...defaults,
  };
}

/** unit, decimals, min, max, thresholds, mappings from Grafana field defaults. */
function baseFieldConfig(
  defaults: Obj,
  fallbackUnit: string,
  path: string,
  notes: Notes,
): FieldConfigInput {
  const fc: FieldConfigInput = { unit: str(defaults.unit)?.trim() || fallbackUnit };
  const decimals = decimalsOf(defaults.decimals);
  if (decimals !== undefined) fc.decimals = decimals;
  const min = num(defaults.min);
  const max = num(defaults.max);
  if (min !== undefined) fc.min = min;
  if (max !== undefined) fc.max = max;
  const thresholds = convertThresholds(defaults.thresholds);
  if (thresholds) fc.thresholds = thresholds;
  const mappings = convertMappings(
    defaults.mappings,
    `${path}.fieldConfig.defaults.mappings`,
    notes,
  );
  if (mappings) fc.mappings = mappings;
  return fc;
}

/** What a panel plugin's fromGrafana gets for the panel at `path`. */
export function grafanaPanelContext(raw: Obj, path: string, notes: Notes): GrafanaPanelContext {
  const defaults = fieldDefaults(raw);
  return {
    info: (message) => notes.info(path, message),
    warn: (message) => notes.warn(path, message),
    fieldConfig: (fallbackUnit) => baseFieldConfig(defaults, fallbackUnit, path, notes),
    fieldDefaults: defaults,
    decimals: decimalsOf,
    calc: normalizeCalc,
    calcs: normalizeCalcs,
    singlestatThresholds,
    // reserved value names are skipped with a note at this panel
    legacyMappings: (valueMaps, rangeMaps) => legacyMappings(valueMaps, rangeMaps, notes, path),
  };
}
