import { storedValue, useStoredValue } from "../services/storage";

/*
 * 适老化: larger text in every page. The switch lives in 我的; PageContainer reads it and puts the
 * `large-text` class on each page's root, where the font-size variables of styles/base.css change.
 */
const largeTextStore = storedValue<boolean>("civic.largeText", (raw) => raw === true);

export const isLargeText = (): boolean => largeTextStore.get();
export const setLargeText = (on: boolean): void => largeTextStore.set(on);
export const useLargeText = (): boolean => useStoredValue(largeTextStore);
