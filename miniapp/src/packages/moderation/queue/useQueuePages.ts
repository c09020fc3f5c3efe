import type { QueueItem } from "@civic/shared";
import { useRef, useState } from "react";
import { useApiLoad } from "../../../services/useApiLoad";
import { moderationQueue } from "../api";
import { filtersKey, type QueueFilters, queueQuery } from "./filters";

/*
 * The queue, page by page: the first page loads whenever the filters change (useApiLoad keeps only the
 * newest answer); "load more" appends the next page by offset. A refresh starts again from the top.
 */
export function useQueuePages(filters: QueueFilters, token: string | null) {
  const key = token ? `${filtersKey(filters)}:${token}` : null;
  const first = useApiLoad(key, () => moderationQueue(queueQuery(filters, 0)));
  const [extra, setExtra] = useState<{ key: string | null; items: QueueItem[] }>({ key: null, items: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const keyRef = useRef(key);
  keyRef.current = key;

  const firstPage = first.state.status === "ok" ? first.state.data : null;
  const extraItems = extra.key === key ? extra.items : [];
  const seen = new Set<string>();
  const items = [...(firstPage?.reports ?? []), ...extraItems].filter((i) => (seen.has(i.id) ? false : seen.add(i.id)));
  const total = firstPage?.total ?? 0;

  const loadMore = async () => {
    if (loadingMore || !firstPage) return;
    const forKey = key;
    setLoadingMore(true);
    setMoreError(null);
    const result = await moderationQueue(queueQuery(filters, firstPage.reports.length + extraItems.length));
    setLoadingMore(false);
    if (keyRef.current !== forKey) return;
    if (result.ok) setExtra({ key: forKey, items: [...extraItems, ...result.data.reports] });
    else setMoreError(result.message);
  };

  const refresh = () => {
    setExtra({ key: null, items: [] });
    setMoreError(null);
    first.reload();
  };

  return {
    state: first.state,
    items,
    total,
    hasMore: firstPage !== null && items.length < total,
    loadMore,
    loadingMore,
    moreError,
    refresh,
  };
}
