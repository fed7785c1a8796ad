export declare const HOUR_MS: number;
export declare const DAY_MS: number;
export declare const STORE: { baseBytes: number; capacityBytes: number };
export declare function storeBytes(tMs: number): number;
export declare function requestRate(tMs: number): number;
