import { useContext, useMemo } from 'react';
import { QueryEnvContext } from '../../query/env';
import { interpolate } from '../../variables/interpolate';
import type { PanelViewProps } from '../types';
import { renderText } from './markdown';
import type { TextOptions } from './options';
import './text.css';

/**
 * Markdown or HTML, with dashboard variables replaced (raw values, as Grafana's text panel), then
 * sanitised (see markdown.ts) before it reaches the DOM.
 */
export default function TextPanel({ options }: PanelViewProps<TextOptions>) {
  const env = useContext(QueryEnvContext);
  const scope = env?.scope;
  const { mode, content } = options;
  const html = useMemo(() => {
    const text = scope ? interpolate(content, scope, 'raw') : content;
    return renderText(mode, text);
  }, [mode, content, scope]);
  return (
    <div
      className="text-panel"
      data-testid="text-panel"
      data-mode={mode}
      // sanitised by DOMPurify in renderText
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
