import {
  type Category,
  DuplicatesResponse,
  InboxResponse,
  MyReportsResponse,
  PublicReportsResponse,
  type ReportDetail,
  type ReportSummary,
  UploadResponse,
} from "@civic/shared";
import { fireEvent, waitFor } from "@testing-library/react";
import { expect, vi } from "vitest";
import { SAMPLE_CATEGORIES, SAMPLE_REPORT_ID, sampleReportDetail } from "../support/sample-reports";
import Taro from "./shims/taro";

/* Reports test data, built through the shared schemas so a contract change breaks these tests too. */

export const CATEGORIES: Category[] = SAMPLE_CATEGORIES;

export const categoriesBody = { categories: CATEGORIES };

export const REPORT_ID = SAMPLE_REPORT_ID;
export const OTHER_REPORT_ID = "0190a1b2-0000-7000-8000-00000000r002";

export const detailOfReport = (overrides: Partial<ReportDetail> = {}): ReportDetail => sampleReportDetail(overrides);

export const summaryOf = (overrides: Partial<ReportSummary> = {}): ReportSummary =>
  MyReportsResponse.parse({
    reports: [
      {
        id: REPORT_ID,
        categoryCode: "illegal_posters",
        categoryName: "乱贴小广告",
        status: "accepted",
        description: "小区门口电线杆上贴满了办证广告",
        address: "姑苏区观前街 128 号",
        district: "姑苏区",
        thumbnailUrl: "/api/v1/uploads/p1/content?exp=1&sig=a",
        followers: 2,
        relation: "reporter",
        createdAt: "2026-11-20T02:30:00.000Z",
        updatedAt: "2026-11-21T02:30:00.000Z",
        ...overrides,
      },
    ],
  }).reports[0] as ReportSummary;

export const duplicatesBody = (n: number) =>
  DuplicatesResponse.parse({
    candidates: Array.from({ length: n }, (_, i) => ({
      id: i === 0 ? OTHER_REPORT_ID : `dup-${i}`,
      categoryName: "乱贴小广告",
      status: "accepted",
      description: "电线杆上的小广告",
      distanceM: 20 + i * 10,
      followers: 3,
      following: false,
      mine: false,
      createdAt: "2026-11-25T02:30:00.000Z",
    })),
  });

export const inboxBody = (unreadFirst = true) =>
  InboxResponse.parse({
    messages: [
      {
        id: "m1",
        reportId: REPORT_ID,
        title: "您的上报已立案",
        body: "乱贴小广告：已受理立案",
        createdAt: "2026-11-21T02:30:00.000Z",
        readAt: unreadFirst ? null : "2026-11-21T03:00:00.000Z",
      },
      {
        id: "m2",
        reportId: null,
        title: "欢迎使用随手拍",
        body: "处理进展会在这里通知您",
        createdAt: "2026-11-20T02:30:00.000Z",
        readAt: "2026-11-20T03:00:00.000Z",
      },
    ],
    unread: unreadFirst ? 1 : 0,
  });

export const publicBody = () =>
  PublicReportsResponse.parse({
    reports: [
      {
        id: REPORT_ID,
        categoryCode: "illegal_posters",
        categoryName: "乱贴小广告",
        status: "dispatched",
        description: "电线杆上的小广告",
        location: { lat: 31.302, lng: 120.6205 },
        district: "姑苏区",
        photoUrls: ["/api/v1/uploads/p1/content?exp=1&sig=a"],
        followers: 4,
        createdAt: "2026-11-25T02:30:00.000Z",
      },
    ],
  });

export const uploaded = (id: string) =>
  UploadResponse.parse({ id, url: `/api/v1/uploads/${id}/content?exp=1&sig=x`, contentType: "image/jpeg", size: 1234 });

/* Photo picking and uploading under the Taro shim. */

export function stubChooseMedia(paths: string[]) {
  return vi.spyOn(Taro, "chooseMedia").mockResolvedValue({ tempFiles: paths.map((tempFilePath) => ({ tempFilePath, size: 1000 })) });
}

export interface PendingUpload {
  filePath: string;
  header: Record<string, string>;
  name: string;
  url: string;
  progress: (percent: number) => void;
  answer: (statusCode: number, body: unknown) => void;
  fail: () => void;
}

/** Replaces Taro.uploadFile; each call waits until the test answers it through the returned list. */
export function stubUploads() {
  const pending: PendingUpload[] = [];
  vi.spyOn(Taro, "uploadFile").mockImplementation((options) => {
    let listener: ((res: { progress: number }) => void) | null = null;
    let resolve!: (v: { statusCode: number; data: string }) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<{ statusCode: number; data: string }>((res, rej) => {
      resolve = res;
      reject = rej;
    }) as Promise<{ statusCode: number; data: string }> & { onProgressUpdate?: (cb: (res: { progress: number }) => void) => void };
    promise.onProgressUpdate = (cb) => {
      listener = cb;
    };
    pending.push({
      filePath: options.filePath,
      header: options.header ?? {},
      name: options.name,
      url: options.url,
      progress: (progress) => listener?.({ progress }),
      answer: (statusCode, body) => resolve({ statusCode, data: JSON.stringify(body) }),
      fail: () => reject({ errMsg: "uploadFile:fail timeout" }),
    });
    return promise;
  });
  return pending;
}

/** Uploads that answer at once with an id derived from the file name. */
export function autoUploads() {
  return vi.spyOn(Taro, "uploadFile").mockImplementation((options) => {
    const id = `up-${options.filePath.split("/").pop()}`;
    return Promise.resolve({ statusCode: 201, data: JSON.stringify(uploaded(id)) }) as ReturnType<typeof Taro.uploadFile>;
  });
}

/* DOM helpers */

export const $ = (root: HTMLElement, selector: string) => root.querySelector<HTMLElement>(selector);
export const $$ = (root: HTMLElement, selector: string) => [...root.querySelectorAll<HTMLElement>(selector)];
export function tap(root: HTMLElement, selector: string) {
  const el = $(root, selector);
  expect(el, `no element ${selector}`).not.toBeNull();
  fireEvent.click(el as HTMLElement);
}
export function type(root: HTMLElement, selector: string, value: string) {
  const el = $(root, selector);
  expect(el, `no element ${selector}`).not.toBeNull();
  fireEvent.change(el as HTMLElement, { target: { value } });
}
export const waitForSelector = (root: HTMLElement, selector: string) =>
  waitFor(() => {
    const el = $(root, selector);
    expect(el, `waiting for ${selector}`).not.toBeNull();
    return el as HTMLElement;
  });
