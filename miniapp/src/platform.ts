/*
 * Which build this is. Taro replaces process.env.TARO_ENV at build time, so the branch not taken is
 * dropped from the bundle; tests set it in their environment.
 */
export const isH5 = (): boolean => process.env.TARO_ENV === "h5";
export const isWeapp = (): boolean => process.env.TARO_ENV === "weapp";

/** "" in H5 (same origin as the page), an absolute base URL in the weapp. */
export const apiBase = (): string => (typeof API_BASE === "string" ? API_BASE : "");
