export declare const ENTRY_BUDGET: number;

export declare function entrySize(dist: string): {
  jsGzip: number;
  cssGzip: number;
  files: number;
  perFile: { file: string; gzip: number }[];
  allJsGzip: number;
  gzOf: (file: string) => number;
};

export declare function checkEntryBudget(
  dist: string,
  budget?: number,
): { ok: boolean; text: string };
