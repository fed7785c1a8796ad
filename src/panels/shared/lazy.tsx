import { createElement, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import type { OptionsEditorProps, PanelPlugin, PanelViewProps } from '../types';

/** A component whose code loads on first render; `preload` fetches it earlier. */
export type LazyComponent<P> = ((props: P) => ReactNode) & { preload(): Promise<void> };

const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * A component in its own chunk, loaded the first time it renders (or `preload`s). Until then it
 * renders nothing; once loaded it renders synchronously, so later mounts never flash. A failed
 * download shows where the component would be and is retried by the next mount. No Suspense
 * boundary is needed around it (panels and the panel editor render plugins' parts directly).
 */
export function lazyComponent<P extends object>(
  what: string,
  load: () => Promise<{ default: ComponentType<P> }>,
): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<void> | undefined;
  const preload = (): Promise<void> =>
    (pending ??= load().then(
      (m) => {
        loaded = m.default;
      },
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    ));
  function Lazy(props: P): ReactNode {
    const [failed, setFailed] = useState<string>();
    const [, setReady] = useState(false);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      preload().then(
        () => live && setReady(true),
        (e: unknown) => live && setFailed(reason(e)),
      );
      return () => {
        live = false;
      };
    }, []);
    if (loaded) return createElement(loaded, props);
    if (failed !== undefined)
      return (
        <div className="panel-error" role="alert">
          {`The ${what} could not be loaded (${failed}); reload the page.`}
        </div>
      );
    return null;
  }
  return Object.assign(Lazy, { preload });
}

/**
 * A rarely used panel type's View and OptionsEditor, each in its own chunk (the dashboard view's
 * entry carries only the plugins' light parts: names, defaults, option readers, importers).
 */
export function lazyPanelParts<O extends object>(
  name: string,
  view: () => Promise<{ default: ComponentType<PanelViewProps<O>> }>,
  editor: () => Promise<{ default: ComponentType<OptionsEditorProps<O>> }>,
): Pick<PanelPlugin<O>, 'View' | 'OptionsEditor' | 'load'> {
  const View = lazyComponent(`${name} panel`, view);
  const OptionsEditor = lazyComponent(`${name} panel's options`, editor);
  return {
    View,
    OptionsEditor,
    load: () => Promise.all([View.preload(), OptionsEditor.preload()]).then(() => undefined),
  };
}
