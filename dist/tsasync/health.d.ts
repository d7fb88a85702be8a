/** @noSelfInFile */
/** Runs the health checks (called by `:checkhealth tsasync`). */
export declare function check(this: void): void;
