/** Grafana text panels (Grafana ≤ 6 kept `content` and `mode` on the panel itself). */
import { obj, str, type Obj } from '../../model/json';
import type { GrafanaConversion, GrafanaConverter, GrafanaPanelContext } from '../types';

export function textFromGrafana(raw: Readonly<Obj>, ctx: GrafanaPanelContext): GrafanaConversion {
  const options = obj(raw.options);
  const content = str(options.content) ?? str(raw.content) ?? '';
  const rawMode = str(options.mode) ?? str(raw.mode) ?? 'markdown';
  const mode = rawMode === 'html' ? 'html' : 'markdown';
  if (rawMode !== mode) ctx.info(`Text mode "${rawMode}" is shown as markdown`);
  if (mode === 'html') {
    ctx.info('HTML text is sanitized when shown (no scripts, styles or event handlers)');
  }
  if (/<script/i.test(content)) {
    ctx.warn('Text contains a <script>; it will not run');
  }
  return { options: { mode, content } };
}

/** The importer's converter of this type (panels/grafanaConverters.ts). */
export const fromGrafana: GrafanaConverter = textFromGrafana;
