import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiFailure, ApiResult } from "./request";

export type LoadState<T> = { status: "idle" } | { status: "loading" } | { status: "ok"; data: T } | { status: "error"; error: ApiFailure };

/*
 * Loads whenever `key` changes (null: nothing to load). Only the newest request's answer is kept, so a
 * slow answer to an old filter never overwrites the list for the current one.
 */
export function useApiLoad<T>(key: string | null, load: () => Promise<ApiResult<T>>) {
  const [state, setState] = useState<LoadState<T>>(key === null ? { status: "idle" } : { status: "loading" });
  const loadRef = useRef(load);
  loadRef.current = load;
  const latest = useRef(0);

  const run = useCallback(async (forKey: string | null) => {
    const id = ++latest.current;
    if (forKey === null) {
      setState({ status: "idle" });
      return;
    }
    setState({ status: "loading" });
    const result = await loadRef.current();
    if (id !== latest.current) return;
    setState(result.ok ? { status: "ok", data: result.data } : { status: "error", error: result });
  }, []);

  useEffect(() => {
    void run(key);
  }, [key, run]);

  const reload = useCallback(() => void run(key), [key, run]);
  const replace = useCallback((data: T) => setState({ status: "ok", data }), []);
  return { state, reload, replace };
}
