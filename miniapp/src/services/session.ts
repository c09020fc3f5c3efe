import { SessionResponse } from "@civic/shared";
import { storedValue, useStoredValue } from "./storage";

/* The signed-in session (opaque token + user), kept in storage until logout, expiry or a 401. */
const SESSION_KEY = "civic.session";

const sessionStore = storedValue<SessionResponse | null>(SESSION_KEY, (raw) => {
  const parsed = SessionResponse.safeParse(raw, { jitless: true });
  if (!parsed.success) return null;
  return Date.parse(parsed.data.expiresAt) > Date.now() ? parsed.data : null;
});

export const getSession = (): SessionResponse | null => sessionStore.get();
export const saveSession = (session: SessionResponse): void => sessionStore.set(session);
export const clearSession = (): void => sessionStore.clear();
export const subscribeSession = sessionStore.subscribe;
export const useSession = (): SessionResponse | null => useStoredValue(sessionStore);
