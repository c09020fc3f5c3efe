import Taro from "@tarojs/taro";
import { useRef, useState } from "react";
import { uploadPhoto } from "./upload";

/*
 * Photos a form keeps in its own state (a report draft, a pickup booking): each uploaded as soon as it is
 * chosen, with progress; a failed one can be retried or removed. The form owns the list (so a draft can be
 * stored and restored); this hook only changes it.
 */
export interface DraftPhoto {
  /** Local handle (the temp file path can repeat when the same photo is chosen twice). */
  key: string;
  path: string;
  status: "uploading" | "done" | "failed";
  progress: number;
  uploadId?: string;
  /** The uploaded photo's (signed) URL: what a restored draft shows once the local file is gone. */
  url?: string;
  error?: string;
}

export type DraftPhotosUpdate = (update: (photos: DraftPhoto[]) => DraftPhoto[]) => void;

type ChosenMedia = { tempFiles: { tempFilePath: string }[] };

/** Taro 4 promisifies chooseMedia on H5 but not in the weapp, so it is called with callbacks (and a returned promise is honoured too). */
export function chooseImages(count: number): Promise<ChosenMedia> {
  return new Promise((resolve, reject) => {
    const returned = Taro.chooseMedia({
      count,
      mediaType: ["image"],
      sourceType: ["camera", "album"],
      sizeType: ["compressed"],
      success: resolve,
      fail: reject,
    }) as unknown;
    if (returned && typeof (returned as Promise<ChosenMedia>).then === "function") (returned as Promise<ChosenMedia>).then(resolve, reject);
  });
}

export function useDraftPhotos(photos: readonly DraftPhoto[], setPhotos: DraftPhotosUpdate, max: number) {
  const counter = useRef(0);
  const [message, setMessage] = useState<string | null>(null);
  const patch = (key: string, change: Partial<DraftPhoto>) => setPhotos((ps) => ps.map((p) => (p.key === key ? { ...p, ...change } : p)));

  const upload = async (key: string, path: string) => {
    patch(key, { status: "uploading", progress: 0, error: undefined });
    const outcome = await uploadPhoto(path, (progress) =>
      setPhotos((ps) => ps.map((p) => (p.key === key && p.status === "uploading" ? { ...p, progress } : p))),
    );
    if (outcome.ok) patch(key, { status: "done", progress: 100, uploadId: outcome.photo.id, url: outcome.photo.url });
    else patch(key, { status: "failed", error: outcome.message });
  };

  const add = async () => {
    const remaining = max - photos.length;
    if (remaining <= 0) return;
    setMessage(null);
    let paths: string[];
    try {
      const res = await chooseImages(remaining);
      paths = res.tempFiles.map((f) => f.tempFilePath).slice(0, remaining);
    } catch (error) {
      const errMsg = String((error as { errMsg?: string } | null)?.errMsg ?? "");
      if (!/cancel/i.test(errMsg)) setMessage("暂时无法选择照片，请检查相机和相册权限");
      return;
    }
    const added = paths.map((path) => ({ key: `photo-${++counter.current}`, path, status: "uploading" as const, progress: 0 }));
    setPhotos((ps) => [...ps, ...added].slice(0, max));
    await Promise.all(added.map((p) => upload(p.key, p.path)));
  };

  return {
    add,
    retry: (p: DraftPhoto) => void upload(p.key, p.path),
    remove: (key: string) => setPhotos((ps) => ps.filter((p) => p.key !== key)),
    message,
  };
}
