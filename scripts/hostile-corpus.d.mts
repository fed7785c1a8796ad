export declare const XSS: string[];
/** The corpus's file names (served as /hostile/<name>.json). */
export type HostileName = 'xss' | 'css' | 'proto' | 'many' | '20mb' | 'deep';
export declare function hostileCorpus(opts?: { imageUrl?: string }): Record<HostileName, string>;
