import { MAX_REPORT_PHOTOS } from "@civic/shared";
import { Button, Image, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { uploadPhoto } from "../../../services/upload";
import { photoSrc } from "../api";

/* 处理反馈's after-photos: chosen from the camera or album and uploaded at once, with progress. */
export interface AfterPhoto {
  key: string;
  path: string;
  progress: number;
  id: string | null;
  url: string | null;
  error: string | null;
}

let nextKey = 0;

export function useAfterPhotos() {
  const [photos, setPhotos] = useState<AfterPhoto[]>([]);
  const update = (key: string, patch: Partial<AfterPhoto>) => setPhotos((all) => all.map((p) => (p.key === key ? { ...p, ...patch } : p)));

  const add = async () => {
    const room = MAX_REPORT_PHOTOS - photos.length;
    if (room <= 0) return;
    let paths: string[];
    try {
      const res = await Taro.chooseMedia({ count: room, mediaType: ["image"], sourceType: ["camera", "album"], sizeType: ["compressed"] });
      paths = res.tempFiles.map((f) => f.tempFilePath).slice(0, room);
    } catch {
      return; // cancelled
    }
    const added = paths.map((path) => ({ key: `after-${++nextKey}`, path, progress: 0, id: null, url: null, error: null }));
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
  return { photos, add, remove, uploading, ids };
}

export function AfterPhotos({ state }: { state: ReturnType<typeof useAfterPhotos> }) {
  return (
    <View className="after-photos">
      <Text className="field-label">处理后照片（可选，最多 {MAX_REPORT_PHOTOS} 张）</Text>
      <View className="after-photo-list">
        {state.photos.map((p) => (
          <View
            key={p.key}
            className={`after-photo ${p.error ? "after-photo--failed" : p.id ? "after-photo--done" : "after-photo--uploading"}`}
          >
            <Image className="after-photo__img" src={p.url ? photoSrc(p.url) : p.path} mode="aspectFill" />
            {p.error ? (
              <Text className="after-photo__error">{p.error}</Text>
            ) : p.id ? null : (
              <View className="upload-progress">
                <View className="upload-progress__bar" style={{ width: `${p.progress}%` }} />
                <Text className="upload-progress__text">{p.progress}%</Text>
              </View>
            )}
            <Text className="after-photo__remove" onClick={() => state.remove(p.key)}>
              移除
            </Text>
          </View>
        ))}
      </View>
      {state.photos.length < MAX_REPORT_PHOTOS ? (
        <Button className="btn resolve-add-photo" onClick={() => void state.add()}>
          添加照片
        </Button>
      ) : null}
    </View>
  );
}
