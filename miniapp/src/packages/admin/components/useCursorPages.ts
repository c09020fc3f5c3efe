import { useCallback, useState } from "react";
import type { ApiFailure, ApiResult } from "../../../services/request";
import { useApiLoad } from "../../../services/useApiLoad";

/*
 * A list paged by the API's opaque cursor: the first page loads whenever `key` changes, "more" appends
 * the next one. Items of an older key never mix in, since the first page's load resets the extra pages.
 */
export function useCursorPages<T>(
  key: string | null,
  load: (cursor?: string) => Promise<ApiResult<{ items: T[]; nextCursor: string | null }>>,
) {
  const first = useApiLoad(key, () => load());
  const [extra, setExtra] = useState<{ key: string | null; items: T[]; cursor: string | null; error: ApiFailure | null }>({
    key: null,
    items: [],
    cursor: null,
    error: null,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const own = extra.key === key;
  const firstPage = first.state.status === "ok" ? first.state.data : null;
  const items = firstPage ? [...firstPage.items, ...(own ? extra.items : [])] : [];
  const nextCursor = own && extra.items.length ? extra.cursor : (firstPage?.nextCursor ?? null);

  const more = useCallback(async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    const res = await load(nextCursor);
    setLoadingMore(false);
    setExtra((prev) => {
      const base = prev.key === key ? prev.items : [];
      return res.ok
        ? { key, items: [...base, ...res.data.items], cursor: res.data.nextCursor, error: null }
        : { key, items: base, cursor: nextCursor, error: res };
    });
  }, [key, load, nextCursor]);

  const reload = useCallback(() => {
    setExtra({ key: null, items: [], cursor: null, error: null });
    first.reload();
  }, [first]);

  return { state: first.state, items, nextCursor, more, loadingMore, moreError: own ? extra.error : null, reload };
}
