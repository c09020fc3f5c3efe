import { type GuideItem, GuideItemList } from "@civic/shared";
import { useEffect, useState } from "react";
import type { ApiFailure } from "../../services/request";
import { storedValue } from "../../services/storage";
import { fetchGuide } from "./api";

/*
 * The guide kept in Taro storage (about 60 KB as JSON, far inside WeChat's 1 MB per key) so search works
 * offline: a page shows the stored copy at once, then asks the server with the stored version; a 304 keeps
 * it, a new version replaces it, and a failed request leaves the stored copy in use.
 */
export const GUIDE_STORAGE_KEY = "civic.guide.v1";

export const guideStore = storedValue<GuideItemList | null>(GUIDE_STORAGE_KEY, (raw) => {
  const parsed = GuideItemList.safeParse(raw, { jitless: true });
  return parsed.success ? parsed.data : null;
});

export type GuideState =
  | { status: "loading" }
  | { status: "ok"; items: GuideItem[]; version: string; offline: boolean }
  | { status: "error"; error: ApiFailure };

/** One refresh per app run is enough: the dataset changes rarely. */
let refreshed: Promise<ApiFailure | null> | null = null;

export function resetGuideRefresh() {
  refreshed = null;
}

async function refresh(): Promise<ApiFailure | null> {
  const cached = guideStore.get();
  const res = await fetchGuide(cached?.version ?? null);
  if (!res.ok) return res;
  if (res.data) guideStore.set(res.data);
  return null;
}

export function useGuide(): { state: GuideState; retry: () => void } {
  const [state, setState] = useState<GuideState>(() => {
    const cached = guideStore.get();
    return cached ? { status: "ok", items: cached.items, version: cached.version, offline: false } : { status: "loading" };
  });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a retry (attempt) runs the refresh again
  useEffect(() => {
    let live = true;
    const pending = refreshed ?? refresh();
    refreshed = pending;
    void pending.then((failure) => {
      // A failed refresh is tried again by the next page that opens.
      if (failure && refreshed === pending) refreshed = null;
      if (!live) return;
      const cached = guideStore.get();
      if (cached) setState({ status: "ok", items: cached.items, version: cached.version, offline: failure !== null });
      else if (failure) setState({ status: "error", error: failure });
    });
    return () => {
      live = false;
    };
  }, [attempt]);
  return {
    state,
    retry: () => {
      setState({ status: "loading" });
      setAttempt((n) => n + 1);
    },
  };
}
