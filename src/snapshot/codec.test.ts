import { describe, expect, it } from 'vitest';
import { compressToBase64, decompressFromBase64 } from './codec';

describe('codec', () => {
  it('round-trips text, unicode included, and compresses', async () => {
    const text = JSON.stringify({ title: 'Température ✓ 🐈', v: Array(2000).fill('12.5') });
    const b64 = await compressToBase64(text);
    expect(b64).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(b64.length).toBeLessThan(text.length / 10);
    expect(await decompressFromBase64(b64)).toBe(text);
  });

  it('stops inflating past the limit (a small bomb stays small)', async () => {
    const b64 = await compressToBase64('0'.repeat(1_000_000));
    expect(b64.length).toBeLessThan(5000);
    await expect(decompressFromBase64(b64, 100_000)).rejects.toThrow(/more than 97\.7 KB/);
  });

  it('says when the data is not base64 or does not inflate', async () => {
    await expect(decompressFromBase64('%%%')).rejects.toThrow(/not base64/);
    await expect(decompressFromBase64(btoa('not deflate at all'))).rejects.toThrow(
      /does not decompress/,
    );
  });
});
