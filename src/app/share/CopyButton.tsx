import { useEffect, useState } from 'react';

/** "Copy" that says whether the clipboard took it. */
export function CopyButton(props: {
  text: string;
  testId: string;
  disabled?: boolean;
  label?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'refused'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <button
      type="button"
      disabled={props.disabled}
      data-testid={props.testId}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(props.text);
          setState('copied');
        } catch {
          setState('refused');
        }
      }}
    >
      {state === 'copied'
        ? 'Copied'
        : state === 'refused'
          ? 'Copy refused by the browser; select and copy'
          : (props.label ?? 'Copy')}
    </button>
  );
}
