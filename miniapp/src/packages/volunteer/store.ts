import Taro from "@tarojs/taro";
import { storedValue, useStoredValue } from "../../services/storage";
import { uploadPhoto } from "../../services/upload";
import { sendChecks } from "./api";
import { type QueuedCheck, storageBytes, syncQueue } from "./queue";

/*
 * The queue kept in Taro storage (one key, well below WeChat's 10 MB: QUEUE_CAP checks of a few hundred
 * bytes each; photos stay as local paths until sync), and the sync wired to the API and uploads.
 */
const queueValue = storedValue<QueuedCheck[]>("volunteer-check-queue", (raw) => (Array.isArray(raw) ? (raw as QueuedCheck[]) : []));

export const loadQueue = () => queueValue.get();
export const saveQueue = (q: QueuedCheck[]) => queueValue.set(q);

export const useQueue = (): QueuedCheck[] => useStoredValue(queueValue);

/** Bin rooms seen online (code → name), so a room opened in a basement without network still shows its name. */
const roomNames = storedValue<Record<string, string>>("volunteer-room-names", (raw) =>
  raw && typeof raw === "object" ? (raw as Record<string, string>) : {},
);
export const rememberRooms = (rooms: readonly { code: string; name: string; communityName: string }[]) =>
  roomNames.set({ ...roomNames.get(), ...Object.fromEntries(rooms.map((r) => [r.code, `${r.communityName} ${r.name}`])) });
export const knownRoomName = (code: string): string | undefined => roomNames.get()[code];

export const syncNow = () =>
  syncQueue({
    load: loadQueue,
    save: saveQueue,
    send: sendChecks,
    upload: async (path) => {
      const res = await uploadPhoto(path, () => {});
      return res.ok ? res.photo.id : null;
    },
  });

/** Sync when the network comes back (weapp and H5 both report it); returns the unsubscribe. */
export function syncWhenOnline(): () => void {
  const listener = (res: { isConnected: boolean }) => {
    if (res.isConnected) void syncNow();
  };
  const api = Taro as unknown as {
    onNetworkStatusChange?: (cb: typeof listener) => void;
    offNetworkStatusChange?: (cb: typeof listener) => void;
  };
  api.onNetworkStatusChange?.(listener);
  return () => api.offNetworkStatusChange?.(listener);
}

/** "12.3 KB": what the queue takes in storage. */
export const storageText = (q: readonly QueuedCheck[]) => `${(storageBytes(q) / 1024).toFixed(1)} KB`;
