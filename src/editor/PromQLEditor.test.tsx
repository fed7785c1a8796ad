// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EditorView } from '@codemirror/view';
import { startCompletion, currentCompletions } from '@codemirror/autocomplete';
import { forceLinting } from '@codemirror/lint';
import PromQLEditor, { metricTooltipAt } from './PromQLEditor';
import LazyPromQLEditor from './LazyPromQLEditor';
import type { EditorClient, PromQLEditorProps } from './types';

// vitest loads the package's CommonJS build, which brings its own @codemirror/state; the ESM
// build shares the one the rest of the code uses (as in the browser)
vi.mock(
  '@prometheus-io/codemirror-promql',
  () => import('@prometheus-io/codemirror-promql/dist/esm/index.js'),
);

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // jsdom has no layout
  const rect = () => ({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    right: 0,
    bottom: 0,
    width: 0,
    height: 0,
    toJSON: () => ({}),
  });
  Range.prototype.getClientRects = () =>
    ({
      length: 0,
      item: () => null,
      [Symbol.iterator]: [][Symbol.iterator],
    }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = rect as () => DOMRect;
});

let root: Root | null = null;
let container: HTMLDivElement | null = null;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = null;
});

function mount(props: Partial<PromQLEditorProps> = {}) {
  container = document.createElement('div');
  document.body.appendChild(container);
  const p: PromQLEditorProps = {
    value: '',
    onChange: () => {},
    client: null,
    variables: [],
    'data-testid': 'query-expr',
    ...props,
  };
  root = createRoot(container);
  act(() => root!.render(<PromQLEditor {...p} />));
  const host = container.querySelector('[data-testid="query-expr"]')!;
  const content = host.querySelector('.cm-content') as HTMLElement;
  const view = EditorView.findFromDOM(host.querySelector('.cm-editor') as HTMLElement)!;
  const rerender = (q: Partial<PromQLEditorProps>) =>
    act(() => root!.render(<PromQLEditor {...p} {...q} />));
  return { host, content, view, rerender };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('PromQLEditor', () => {
  it('renders CodeMirror inside the test id and reports typing', () => {
    const onChange = vi.fn();
    const { content, view } = mount({ value: 'up', onChange });
    expect(content.getAttribute('contenteditable')).toBe('true');
    expect(view.state.doc.toString()).toBe('up');
    act(() =>
      view.dispatch({ changes: { from: 2, insert: '{job="a"}' }, userEvent: 'input.type' }),
    );
    expect(onChange).toHaveBeenLastCalledWith('up{job="a"}');
  });

  it('marks template variables', () => {
    const { host } = mount({ value: 'rate(x{job="$job"}[$__rate_interval])' });
    expect([...host.querySelectorAll('.scry-var')].map((e) => e.textContent)).toEqual([
      '$job',
      '$__rate_interval',
    ]);
  });

  it('follows value from outside without reporting it back or moving the cursor', () => {
    const onChange = vi.fn();
    const { view, rerender } = mount({ value: 'sum(rate(x[5m]))', onChange });
    act(() => view.dispatch({ selection: { anchor: 4 } }));
    rerender({ value: 'sum(rate(x[10m]))' });
    expect(view.state.doc.toString()).toBe('sum(rate(x[10m]))');
    expect(view.state.selection.main.head).toBe(4);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('runs on Ctrl+Enter', () => {
    const onRun = vi.fn();
    const { content } = mount({ value: 'up', onRun });
    act(() => {
      content.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
      );
    });
    expect(onRun).toHaveBeenCalledOnce();
  });

  it('offers variables after $ and metric names from the client', async () => {
    const client: EditorClient = {
      labelNames: async () => ['job'],
      labelValues: async (l) => (l === '__name__' ? ['http_requests_total', 'up'] : ['api']),
      metricMetadata: async () => ({
        http_requests_total: [{ type: 'counter', help: 'Requests.' }],
      }),
      series: async () => [],
      metricNames: async () => ['http_requests_total', 'up'],
      flags: async () => ({}),
    };
    const { view, host } = mount({ value: 'rate(x[$', client, variables: ['job'] });
    act(() => {
      view.dispatch({ selection: { anchor: 8 } });
      startCompletion(view);
    });
    await act(() => sleep(100));
    expect(currentCompletions(view.state).map((c) => c.label)).toContain('$__rate_interval');
    expect(currentCompletions(view.state)[0]?.label).toBe('$__rate_interval');
    expect(currentCompletions(view.state).map((c) => c.label)).toContain('$job');
    expect(host.querySelector('.cm-tooltip-autocomplete')).not.toBeNull();

    act(() => {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: 'http_req' },
        selection: { anchor: 8 },
      });
      startCompletion(view);
    });
    await act(() => sleep(100));
    expect(currentCompletions(view.state).map((c) => c.label)).toContain('http_requests_total');
  });

  it('opens completion while typing', async () => {
    const { view, host } = mount({ value: 'rate(x[', variables: ['job'] });
    act(() =>
      view.dispatch({
        changes: { from: 7, insert: '$' },
        selection: { anchor: 8 },
        userEvent: 'input.type',
      }),
    );
    await act(() => sleep(200));
    expect(host.querySelector('.cm-tooltip-autocomplete')).not.toBeNull();
    expect(currentCompletions(view.state).map((c) => c.label)).toContain('$__rate_interval');
  });

  it('closes the completion list after a closing parenthesis and on Ctrl+Enter', async () => {
    const onRun = vi.fn();
    const { view, host, content } = mount({ value: 'sum(rate(x[5m]', onRun });
    const type = (text: string) =>
      act(() =>
        view.dispatch({
          changes: { from: view.state.doc.length, insert: text },
          selection: { anchor: view.state.doc.length + text.length },
          userEvent: 'input.type',
        }),
      );
    type(')');
    await act(() => sleep(200));
    expect(host.querySelector('.cm-tooltip-autocomplete')).toBeNull();
    // Ctrl+Space still lists what may follow, and Ctrl+Enter runs and closes it
    act(() => startCompletion(view));
    await act(() => sleep(200));
    expect(host.querySelector('.cm-tooltip-autocomplete')).not.toBeNull();
    act(() => {
      content.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }),
      );
    });
    await act(() => sleep(50));
    expect(onRun).toHaveBeenCalledOnce();
    expect(host.querySelector('.cm-tooltip-autocomplete')).toBeNull();
    expect(view.state.doc.toString()).toBe('sum(rate(x[5m])');
    type(')');
    await act(() => sleep(200));
    expect(host.querySelector('.cm-tooltip-autocomplete')).toBeNull();
  });

  it('underlines errors but not variables', async () => {
    const { view, host } = mount({ value: 'rate(x{job="$job"}[$__rate_interval])' });
    act(() => forceLinting(view));
    await act(() => sleep(50));
    expect(host.querySelector('.cm-lintRange-error')).toBeNull();
    act(() =>
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: 'rate(x)' } }),
    );
    act(() => forceLinting(view));
    await act(() => sleep(50));
    expect(host.querySelector('.cm-lintRange-error')).not.toBeNull();
  });

  it('formats with the Format button', () => {
    const onChange = vi.fn();
    const { host } = mount({ value: 'sum(x)by(job)', onChange });
    act(() => (host.querySelector('[data-testid="query-format"]') as HTMLButtonElement).click());
    expect(onChange).toHaveBeenLastCalledWith('sum by (job) (x)');
  });
});

describe('metricTooltipAt', () => {
  it('shows TYPE and HELP of the metric family under the pointer', async () => {
    const client: EditorClient = {
      labelNames: async () => [],
      labelValues: async () => [],
      metricMetadata: async () => ({ lat_seconds: [{ type: 'histogram', help: 'Latency.' }] }),
      series: async () => [],
      metricNames: async () => [],
      flags: async () => ({}),
    };
    const { view } = mount({ value: 'rate(lat_seconds_bucket{job="a"}[5m])' });
    const tip = await metricTooltipAt(view.state, 8, 1, client);
    expect(tip).toMatchObject({ pos: 5, end: 23 });
    const dom = tip!.create(view).dom;
    expect(dom.textContent).toContain('lat_seconds');
    // named as hovered, with its family's metadata (OpenMetrics counters: `x_total` → `x`)
    expect(dom.querySelector('b')!.textContent).toBe('lat_seconds_bucket');
    expect(dom.textContent).toContain('histogram');
    expect(dom.textContent).toContain('Latency.');
    expect(await metricTooltipAt(view.state, 1, 1, client)).toBeNull(); // `rate`
    expect(await metricTooltipAt(view.state, 8, 1, null)).toBeNull();
  });
});

describe('LazyPromQLEditor', () => {
  it('shows a textarea with the same test id until the editor has loaded', async () => {
    container = document.createElement('div');
    document.body.appendChild(container);
    root = createRoot(container);
    const onRun = vi.fn();
    const props: PromQLEditorProps = {
      value: 'up',
      onChange: () => {},
      onRun,
      client: null,
      variables: [],
      'data-testid': 'query-expr',
    };
    act(() => root!.render(<LazyPromQLEditor {...props} />));
    const ta = container.querySelector(
      'textarea[data-testid="query-expr"]',
    ) as HTMLTextAreaElement | null;
    expect(ta?.value).toBe('up');
    act(() => ta!.focus());
    await act(() => sleep(300));
    const content = container.querySelector('[data-testid="query-expr"] .cm-content');
    expect(content).not.toBeNull();
    expect(container.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(content);
  });
});
