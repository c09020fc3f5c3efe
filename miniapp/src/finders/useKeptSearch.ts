import { useRef } from "react";
import type { ApiFailure, ApiResult } from "../services/request";
import { useApiLoad } from "../services/useApiLoad";

/*
 * A finder's search that keeps what it last found: while a newer search fails (offline, a filter changed
 * underground), the last answer stays on screen under the error instead of an empty page. `items` reads the
 * places out of an answer; `kept` is the search that answer belongs to (e.g. its radius, for the header).
 */
export function useKeptSearch<Q extends { radius: number }, T, I>(
  search: Q | null,
  load: (search: Q) => Promise<ApiResult<T>>,
  items: (answer: T) => readonly I[],
) {
  const { state, reload } = useApiLoad(search ? JSON.stringify(search) : null, () => load(search as Q));
  const last = useRef<{ answer: T; search: Q } | null>(null);
  if (state.status === "ok" && search) last.current = { answer: state.data, search };
  const lastItems = last.current ? items(last.current.answer) : [];
  const staleError: ApiFailure | null = state.status === "error" && lastItems.length > 0 ? state.error : null;
  const shown: readonly I[] = state.status === "ok" ? items(state.data) : staleError ? lastItems : [];
  const shownRadius = staleError && last.current ? last.current.search.radius : (search?.radius ?? 0);
  return { state, reload, shown, staleError, shownRadius };
}
