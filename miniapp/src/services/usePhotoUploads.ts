import { useState } from "react";
import { chooseImages } from "./photoDrafts";
import { uploadPhoto } from "./upload";

/*
 * Photos taken for an action (a case's after-photos, a collector's proof of collection): chosen from the
 * camera or album and uploaded at once, with progress. Pages draw them their own way; ids are what they send.
 */
export interface PickedPhoto {
  key: string;
  path: string;
  progress: number;
  id: string | null;
  url: string | null;
  error: string | null;
}

let nextKey = 0;

export function usePhotoUploads(max: number) {
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const update = (key: string, patch: Partial<PickedPhoto>) => setPhotos((all) => all.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const add = async () => {
    const room = max - photos.length;
    if (room <= 0) return;
    let paths: string[];
    try {
      const res = await chooseImages(room);
      paths = res.tempFiles.map((f) => f.tempFilePath).slice(0, room);
    } catch {
      return; // cancelled
    }
    const added = paths.map((path) => ({ key: `photo-${++nextKey}`, path, progress: 0, id: null, url: null, error: null }));
    setPhotos((all) => [...all, ...added]);
    await Promise.all(
      added.map(async (p) => {
        const outcome = await uploadPhoto(p.path, (progress) => update(p.key, { progress }));
        if (outcome.ok) update(p.key, { progress: 100, id: outcome.photo.id, url: outcome.photo.url });
        else update(p.key, { error: outcome.message });
      }),
    );
  };

  const remove = (key: string) => setPhotos((all) => all.filter((p) => p.key !== key));
  const uploading = photos.some((p) => p.id === null && p.error === null);
  const ids = photos.flatMap((p) => (p.id ? [p.id] : []));
  return { photos, add, remove, uploading, ids, max };
}
export type PhotoUploads = ReturnType<typeof usePhotoUploads>;
