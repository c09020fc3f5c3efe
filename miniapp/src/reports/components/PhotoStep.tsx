import { MAX_REPORT_PHOTOS } from "@civic/shared";
import { Button, Image, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useRef, useState } from "react";
import { uploadPhoto } from "../../services/upload";
import type { DraftPhoto } from "../draft";

/*
 * Step 2: 1 to 9 photos from the camera or the album. Each is uploaded as soon as it is chosen, showing
 * its progress; a failed one can be retried or removed.
 */
type ChosenMedia = { tempFiles: { tempFilePath: string }[] };

/* Taro 4 promisifies chooseMedia on H5 but not in the weapp, so it is called with callbacks (and a returned promise is honoured too). */
function chooseImages(count: number): Promise<ChosenMedia> {
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

type PhotosUpdate = (update: (photos: DraftPhoto[]) => DraftPhoto[]) => void;

export function usePhotoUploads(photos: readonly DraftPhoto[], setPhotos: PhotosUpdate) {
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
    const remaining = MAX_REPORT_PHOTOS - photos.length;
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
    setPhotos((ps) => [...ps, ...added].slice(0, MAX_REPORT_PHOTOS));
    await Promise.all(added.map((p) => upload(p.key, p.path)));
  };

  return {
    add,
    retry: (p: DraftPhoto) => void upload(p.key, p.path),
    remove: (key: string) => setPhotos((ps) => ps.filter((p) => p.key !== key)),
    message,
  };
}

function PhotoTile({ photo, onRetry, onRemove }: { photo: DraftPhoto; onRetry: () => void; onRemove: () => void }) {
  return (
    <View className={`photo-item photo-item--${photo.status}`}>
      <Image className="photo-item__image" src={photo.path} mode="aspectFill" />
      {photo.status === "uploading" ? <Text className="photo-progress">上传中 {Math.round(photo.progress)}%</Text> : null}
      {photo.status === "done" ? <Text className="photo-done">已上传</Text> : null}
      {photo.status === "failed" ? (
        <View className="photo-failed">
          <Text className="photo-error">{photo.error ?? "上传失败"}</Text>
          <Text className="photo-retry" onClick={onRetry}>
            重试
          </Text>
        </View>
      ) : null}
      <Text className="photo-remove" onClick={onRemove}>
        删除
      </Text>
    </View>
  );
}

export function PhotoStep(props: { photos: DraftPhoto[]; setPhotos: PhotosUpdate }) {
  const { add, retry, remove, message } = usePhotoUploads(props.photos, props.setPhotos);
  const full = props.photos.length >= MAX_REPORT_PHOTOS;
  return (
    <View className="wizard-section photo-step">
      <Text className="section-title">拍照或从相册选择</Text>
      <Text className="hint-text">请拍下问题的现场，1–{MAX_REPORT_PHOTOS} 张。照片中的拍摄位置等信息会被去除。</Text>
      <View className="photo-grid">
        {props.photos.map((p) => (
          <PhotoTile key={p.key} photo={p} onRetry={() => retry(p)} onRemove={() => remove(p.key)} />
        ))}
      </View>
      <Text className="photo-count">
        已选 {props.photos.length}/{MAX_REPORT_PHOTOS} 张
      </Text>
      {full ? null : (
        <Button className="btn btn-large photo-add" onClick={() => void add()}>
          ＋ 添加照片
        </Button>
      )}
      {message ? <Text className="field-error">{message}</Text> : null}
    </View>
  );
}
