/** @noSelfInFile */
/**
 * @section tsasync-config
 */
/**
 * The version string.
 * @help ts.version
 */
export declare const version = "0.1.0";
