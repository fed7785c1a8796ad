export declare const DEMO_STEP_MS: number;
export declare const DEMO_LABELS: { job: string; instance: string };
