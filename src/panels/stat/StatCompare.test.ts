import { describe, expect, it } from 'vitest';
import { compareText } from './StatCompare';

describe('compareText', () => {
  it('signed percentage with an arrow', () => {
    expect(compareText('1 w ago', 112, 100)).toBe('vs 1 w ago: ▲ +12 %');
    expect(compareText('1 w ago', 90, 100)).toBe('vs 1 w ago: ▼ −10 %');
    expect(compareText('1 h ago', 100, 100)).toBe('vs 1 h ago: 0 %');
  });
  it('0 and missing values', () => {
    expect(compareText('1 h ago', 5, 0)).toBe('vs 1 h ago: –');
    expect(compareText('1 h ago', 0, 0)).toBe('vs 1 h ago: 0 %');
    expect(compareText('1 h ago', 5, NaN)).toBe('vs 1 h ago: no value');
    expect(compareText('1 h ago', NaN, 5)).toBe('vs 1 h ago: –');
  });
});
