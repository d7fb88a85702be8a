/**
 * @section tsasync-config
 */

/**
 * The version string.
 * @help ts.version
 */
export const version = "0.1.0";
