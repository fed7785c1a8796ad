// Test helper: the app's own source files (non-test .ts/.tsx under src/), for tests that scan
// the code for shapes the architecture forbids.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SourceFile {
  /** relative to src/, with forward slashes: `panels/stat/index.ts` */
  path: string;
  text: string;
}

const SRC = fileURLToPath(new URL('.', import.meta.url));

/** Every non-test `.ts`/`.tsx` file under src/ (test helpers `*.testing.ts(x)` included). */
export function sourceFiles(): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
        out.push({
          path: relative(SRC, full).split(sep).join('/'),
          text: readFileSync(full, 'utf8'),
        });
    }
  };
  walk(SRC);
  return out;
}
