export declare const MARKER: string;
export declare function tuneSource(source: string): { status: 'already' | 'tuned' | 'unknown'; source: string };
