/** @noSelfInFile */
/** The version of tsasync. */
export declare const version = "0.1.0";
