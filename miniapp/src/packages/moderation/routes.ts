/* The moderation subpackage's pages (registered in app.config.ts under packages/moderation). */
export const QUEUE_PAGE = "/packages/moderation/queue/index";
export const REPORT_PAGE = "/packages/moderation/report/index";
export const KPI_PAGE = "/packages/moderation/kpis/index";

export const reportPageUrl = (id: string) => `${REPORT_PAGE}?id=${encodeURIComponent(id)}`;
