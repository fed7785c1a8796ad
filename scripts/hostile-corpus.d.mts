export declare const XSS: string[];
export declare function hostileCorpus(opts?: { imageUrl?: string }): Record<string, string>;
