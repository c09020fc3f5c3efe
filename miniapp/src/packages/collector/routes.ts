/* The collector subpackage's pages (registered in app.config.ts under packages/collector). */
export const JOBS_PAGE = "/packages/collector/jobs/index";
export const DAY_PAGE = "/packages/collector/day/index";
export const JOB_PAGE = "/packages/collector/job/index";

export const dayPageUrl = (date: string) => `${DAY_PAGE}?date=${encodeURIComponent(date)}`;
export const jobPageUrl = (id: string, date?: string) =>
  `${JOB_PAGE}?id=${encodeURIComponent(id)}${date ? `&date=${encodeURIComponent(date)}` : ""}`;
export const WEIGH_PAGE = "/packages/collector/weigh/index";
