import { apiBase } from "../platform";

/** A photo URL from the API (relative signed URL, or absolute) as an <Image> src. */
export const photoSrc = (url: string): string => (/^https?:\/\//.test(url) ? url : `${apiBase()}${url}`);
