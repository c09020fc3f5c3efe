import Taro from "@tarojs/taro";
import { useEffect, useState } from "react";

/*
 * A value kept in Taro storage that every mounted page can watch. In the weapp all pages share one JS
 * context, so a change made on one page (e.g. 我的 turning large text on) reaches the others at once.
 */
export interface StoredValue<T> {
  get(): T;
  set(value: T): void;
  clear(): void;
  subscribe(listener: () => void): () => void;
}

export function storedValue<T>(key: string, read: (raw: unknown) => T): StoredValue<T> {
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const l of [...listeners]) l();
  };
  return {
    get() {
      let raw: unknown;
      try {
        raw = Taro.getStorageSync(key);
      } catch {
        raw = undefined;
      }
      return read(raw === "" ? undefined : raw);
    },
    set(value) {
      try {
        Taro.setStorageSync(key, value);
      } catch {
        // Storage full or unavailable: the value still applies until the app restarts.
      }
      emit();
    },
    clear() {
      try {
        Taro.removeStorageSync(key);
      } catch {
        // nothing stored
      }
      emit();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The current value, re-rendering whenever any page changes it. */
export function useStoredValue<T>(store: StoredValue<T>): T {
  const [value, setValue] = useState(() => store.get());
  useEffect(() => {
    setValue(store.get());
    return store.subscribe(() => setValue(store.get()));
  }, [store]);
  return value;
}
