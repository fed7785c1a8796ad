import { describe, expect, it } from 'vitest';
import { offGridNote } from './capture';

describe('offGridNote', () => {
  it('names the requested grid and where the answer really is', () => {
    const note = offGridNote(
      { times: Float64Array.from([1_767_225_600]) },
      { startSec: 1_767_224_700, stepSec: 1800 },
    );
    expect(note).toBe(
      'The server answered off the requested grid (2025-12-31T23:45:00.000Z + k × 1800s): its ' +
        "first sample is at 2026-01-01T00:00:00.000Z. Values are drawn at the server's own timestamps.",
    );
  });
});
