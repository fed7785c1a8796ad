import { z } from 'zod';

/** Grafana-compatible template variable (see reference §2). Owned by the variables issue. */
export const variableTypes = [
  'query',
  'custom',
  'constant',
  'textbox',
  'interval',
  'datasource',
] as const;
export type VariableType = (typeof variableTypes)[number];

export const variableSchema = z.object({
  name: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be letters, digits and _ (not starting with a digit)'),
  type: z.enum(variableTypes),
  label: z.string().optional(),
  description: z.string().optional(),
  /** query / custom values / constant value / textbox default / interval list / datasource type */
  query: z.string().default(''),
  /** datasource name (or `$var`) for query variables; default datasource when absent */
  datasource: z.string().optional(),
  /** optional /regex/ filter and capture applied to query results */
  regex: z.string().default(''),
  /** Grafana VariableSort: 0 none, 1/2 alpha asc/desc, 3/4 numeric, 5/6 alpha ci, 7/8 natural */
  sort: z.number().int().min(0).max(8).default(0),
  /** 1 on dashboard load, 2 on time-range change */
  refresh: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(1),
  multi: z.boolean().default(false),
  includeAll: z.boolean().default(false),
  /** custom "All" value, inserted unescaped (e.g. `.*`) */
  allValue: z.string().optional(),
  /** 0 show, 1 hide label, 2 hide */
  hide: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(0),
  /** the selected value(s); `$__all` for All */
  current: z.union([z.string(), z.array(z.string())]).optional(),
  /** interval variables: add an "auto" option */
  auto: z.boolean().optional(),
  auto_count: z.number().int().positive().optional(),
  auto_min: z.string().optional(),
  skipUrlSync: z.boolean().optional(),
});
export type Variable = z.infer<typeof variableSchema>;
