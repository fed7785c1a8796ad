/** Text panel options (Grafana's names). */
export interface TextOptions {
  mode: 'markdown' | 'html';
  content: string;
}

export function readTextOptions(options: Record<string, unknown> | undefined): TextOptions {
  const o = options ?? {};
  return {
    mode: o.mode === 'html' ? 'html' : 'markdown',
    content: typeof o.content === 'string' ? o.content : '',
  };
}
