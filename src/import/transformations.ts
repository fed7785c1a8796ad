import type { Transformation } from '../model/dashboard';
import { transformationIssues } from '../transform/support';
import { arr, cloneJson, isObj, str, type Notes } from './util';

/**
 * Grafana's `transformations`, kept in Grafana's shape (Scry applies them at run time,
 * src/transform). What Scry does not apply (an id, a mode, an option) is named in the notes;
 * disabled ones are kept, skipped and not noted. Entries without an id are dropped (noted).
 */
export function importTransformations(raw: unknown, path: string, notes: Notes): Transformation[] {
  const out: Transformation[] = [];
  arr(raw).forEach((t, i) => {
    const id = isObj(t) ? str(t.id) : undefined;
    if (!isObj(t) || !id) {
      notes.warn(path, `Transformation ${i + 1} has no id: dropped`);
      return;
    }
    const kept: Transformation = { id };
    if (isObj(t.options)) kept.options = cloneJson(t.options);
    if (t.disabled === true) kept.disabled = true;
    if (isObj(t.filter)) kept.filter = cloneJson(t.filter);
    out.push(kept);
    if (kept.disabled) return;
    for (const issue of transformationIssues(kept))
      notes.warn(path, `Transformation ${i + 1} (${id}): ${issue}`);
    if (kept.filter)
      notes.warn(path, `Transformation ${i + 1} (${id}): its frame filter is not applied`);
  });
  return out;
}
