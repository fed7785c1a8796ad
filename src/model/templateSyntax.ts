// Grafana's template syntax, shared by interpolation (src/variables) and the PromQL editor
// (src/editor), which may not import each other.

/** `$var`, `[[var]]`, `[[var:fmt]]`, `${var}`, `${var.field}`, `${var:fmt}` (Grafana's regex). */
export const VARIABLE_PATTERN =
  /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}/g;

/** The built-in variables every query may use (src/variables/builtins.ts), most used first. */
export const BUILTIN_VARIABLE_NAMES = [
  '__rate_interval',
  '__interval',
  '__interval_ms',
  '__rate_interval_ms',
  '__range',
  '__range_s',
  '__range_ms',
  '__from',
  '__to',
  '__dashboard',
  '__timezone',
] as const;
