import { useMemo, useState } from 'react';
import { ViewMemoryContext, type ViewMemory } from '../charts/remembered';
import { useTheme } from '../theme/runtime';
import type { PanelPlugin, PanelViewProps } from './types';

/**
 * A plugin's View with the panel's options read once by the plugin's readOptions (again only
 * when the stored options or field config change, not on every resize or data update).
 */
export default function PluginView({
  plugin,
  ...props
}: Omit<PanelViewProps, 'options'> & { plugin: PanelPlugin }) {
  const { options, fieldConfig } = props.panel;
  const read = useMemo(
    () => plugin.readOptions({ options, fieldConfig }),
    [plugin, options, fieldConfig],
  );
  // named colours ("green") resolve per theme: a theme change builds the view anew; what it
  // remembers (the legend's toggles) lives here, across that rebuild
  const theme = useTheme();
  const [memory] = useState<ViewMemory>(() => new Map());
  return (
    <ViewMemoryContext.Provider value={memory}>
      <plugin.View key={theme} {...props} options={read} />
    </ViewMemoryContext.Provider>
  );
}
