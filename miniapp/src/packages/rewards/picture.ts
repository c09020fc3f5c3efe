import { apiBase } from "../../platform";

/** A signed picture URL from the API: relative ones are on the API's host. */
export const pictureSrc = (url: string) => (/^https?:\/\//.test(url) ? url : `${apiBase()}${url}`);
