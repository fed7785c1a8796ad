import { SHORTCUTS, chordLabel, type Shortcut } from './keys';
import { useShortcuts } from './useShortcuts';
import './shortcuts.css';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The `?` overlay: every shortcut, by group. */
export default function ShortcutsHelp({ onClose }: { onClose(): void }) {
  useShortcuts({ escape: onClose, help: onClose });
  const groups = new Map<string, Shortcut[]>();
  for (const s of SHORTCUTS) groups.set(s.group, [...(groups.get(s.group) ?? []), s]);
  return (
    <div className="shortcuts-backdrop" onMouseDown={onClose}>
      <div
        className="shortcuts-help"
        role="dialog"
        aria-label="Keyboard shortcuts"
        data-testid="shortcuts-help"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <div className="shortcuts-head">
          <h2>Keyboard shortcuts</h2>
          <button type="button" className="icon" aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </div>
        <p className="muted">
          Letters one after the other (<kbd>t</kbd> then <kbd>z</kbd>); none work while typing in a
          field or the query editor.
        </p>
        <div className="shortcuts-groups">
          {[...groups].map(([group, list]) => (
            <section key={group}>
              <h3>{group}</h3>
              <table>
                <tbody>
                  {list.map((s) => (
                    <tr key={s.id} data-testid="shortcut" data-shortcut={s.id}>
                      <td className="shortcut-keys">
                        {s.keys.map((k, i) => (
                          <kbd key={i}>{chordLabel(k, MAC)}</kbd>
                        ))}
                      </td>
                      <td>{s.label}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}
