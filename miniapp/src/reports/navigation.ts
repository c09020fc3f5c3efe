import Taro from "@tarojs/taro";

/* Where the reports pages live (registered in app.config.ts). */
export const NEW_REPORT_PAGE = "/packages/reports/new/index";
export const MY_REPORTS_PAGE = "/pages/reports/mine";
export const REPORTS_MAP_PAGE = "/pages/reports/map";
export const INBOX_PAGE = "/pages/inbox/index";
export const detailUrl = (id: string) => `/pages/reports/detail?id=${encodeURIComponent(id)}`;

export const openReportDetail = (id: string) => void Taro.navigateTo({ url: detailUrl(id) });
