// Per-series field overrides (Grafana's `fieldConfig.overrides` shape, validated by
// `fieldOverrideSchema` in dashboard.ts): the matchers' regular expressions. No zod here, so the
// dashboard view can use it without loading the validator.

/**
 * Grafana's `stringToJsRegex`: `/pattern/flags` is a regular expression as written (a match
 * anywhere in the name); a plain pattern must match the whole name.
 */
export function overrideRegex(pattern: string): RegExp {
  if (!pattern.startsWith('/')) return new RegExp(`^(?:${pattern})$`);
  const m = /^\/(.*)\/([gimsuy]*)$/s.exec(pattern);
  if (!m) throw new Error(`${JSON.stringify(pattern)} has no closing /`);
  // a global or sticky regex remembers where it stopped: test() must not depend on that
  return new RegExp(m[1]!, m[2]!.replace(/[gy]/g, ''));
}

/** Why `pattern` is not a regular expression, or undefined when it is one. */
export function overrideRegexError(pattern: string): string | undefined {
  try {
    overrideRegex(pattern);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
