import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { dashboardSchema } from './dashboard';

const file = new URL('../../public/schema/dashboard.json', import.meta.url);

/** The published JSON Schema (public/schema/dashboard.json) is generated from the zod schema. */
function generate(): string {
  const schema = z.toJSONSchema(dashboardSchema, { io: 'input', unrepresentable: 'any' });
  return (
    JSON.stringify(
      {
        ...schema,
        $id: 'https://scry.invalid/schema/dashboard.json',
        title: 'Scry dashboard',
        description:
          'Scry dashboard JSON, format version 1 ("scry": 1). Regenerate with UPDATE_SCHEMA=1 npx vitest run src/model/schema.test.ts',
      },
      null,
      2,
    ) + '\n'
  );
}

describe('published JSON Schema', () => {
  it('matches the zod schema', () => {
    const want = generate();
    if (process.env.UPDATE_SCHEMA) writeFileSync(file, want);
    expect(readFileSync(file, 'utf8')).toBe(want);
  });
});
