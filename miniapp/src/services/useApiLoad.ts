import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiFailure, ApiResult } from "./request";

export type LoadState<T> = { status: "idle" } | { status: "loading" } | { status: "ok"; data: T } | { status: "error"; error: ApiFailure };

type Keyed<T> = { key: string | null; state: LoadState<T> };

const initial = <T>(key: string | null): LoadState<T> => (key === null ? { status: "idle" } : { status: "loading" });

/*
 * Loads whenever `key` changes (null: nothing to load). Only the newest request's answer is kept, so a
 * slow answer to an old filter never overwrites the list for the current one, and a state that belongs
 * to an older key is never shown: between a key change and its effect the page already sees "loading".
 */
export function useApiLoad<T>(key: string | null, load: () => Promise<ApiResult<T>>) {
  const [keyed, setKeyed] = useState<Keyed<T>>(() => ({ key, state: initial<T>(key) }));
  const loadRef = useRef(load);
  loadRef.current = load;
  const latest = useRef(0);

  const run = useCallback(async (forKey: string | null) => {
    const id = ++latest.current;
    setKeyed({ key: forKey, state: initial<T>(forKey) });
    if (forKey === null) return;
    const result = await loadRef.current();
    if (id !== latest.current) return;
    setKeyed({ key: forKey, state: result.ok ? { status: "ok", data: result.data } : { status: "error", error: result } });
  }, []);

  useEffect(() => {
    void run(key);
  }, [key, run]);

  const reload = useCallback(() => void run(key), [key, run]);
  const replace = useCallback((data: T) => setKeyed({ key, state: { status: "ok", data } }), [key]);
  const state = keyed.key === key ? keyed.state : initial<T>(key);
  return { state, reload, replace };
}
