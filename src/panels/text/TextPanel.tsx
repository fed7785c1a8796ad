import { useContext, useMemo } from 'react';
import { QueryEnvContext } from '../../query/env';
import { interpolate } from '../../variables/interpolate';
import type { PanelViewProps } from '../types';
import { renderTextReport } from './markdown';
import type { TextOptions } from './options';
import './text.css';

/**
 * Markdown or HTML, with dashboard variables replaced (raw values, as Grafana's text panel), then
 * sanitised (see markdown.ts) before it reaches the DOM.
 */
export default function TextPanel({ options, ctx }: PanelViewProps<TextOptions>) {
  const env = useContext(QueryEnvContext);
  const scope = env?.scope;
  const { mode, content } = options;
  const externalImages = ctx.externalImages === true;
  const { html, blockedHosts } = useMemo(() => {
    const text = scope ? interpolate(content, scope, 'raw') : content;
    return renderTextReport(mode, text, { externalImages });
  }, [mode, content, scope, externalImages]);
  return (
    <>
      <div
        className="text-panel"
        data-testid="text-panel"
        data-mode={mode}
        // sanitised by DOMPurify in renderTextReport
        dangerouslySetInnerHTML={{ __html: html }}
      />
      {blockedHosts.length > 0 && (
        <div className="text-images-blocked" data-testid="images-blocked">
          Images from {blockedHosts.join(', ')} not loaded (they would see who views this
          dashboard).
          {ctx.onAllowExternalImages && (
            <button type="button" onClick={ctx.onAllowExternalImages}>
              Load external images on this dashboard
            </button>
          )}
        </div>
      )}
    </>
  );
}
