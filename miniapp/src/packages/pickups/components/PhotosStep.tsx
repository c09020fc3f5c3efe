import { Button, Image, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useRef, useState } from "react";
import { uploadPhoto } from "../../../services/upload";
import { MAX_PICKUP_PHOTOS, type PickupPhoto } from "../draft";

/* Photos of the items (optional, up to 6): each uploaded as soon as it is chosen, through the platform's uploads. */
type Update = (fn: (photos: PickupPhoto[]) => PickupPhoto[]) => void;
type Chosen = { tempFiles: { tempFilePath: string }[] };

function chooseImages(count: number): Promise<Chosen> {
  return new Promise((resolve, reject) => {
    const returned = Taro.chooseMedia({
      count,
      mediaType: ["image"],
      sourceType: ["camera", "album"],
      sizeType: ["compressed"],
      success: resolve,
      fail: reject,
    }) as unknown;
    if (returned && typeof (returned as Promise<Chosen>).then === "function") (returned as Promise<Chosen>).then(resolve, reject);
  });
}

export function PhotosStep({ photos, setPhotos }: { photos: PickupPhoto[]; setPhotos: Update }) {
  const counter = useRef(0);
  const [message, setMessage] = useState<string | null>(null);
  const patch = (key: string, change: Partial<PickupPhoto>) => setPhotos((ps) => ps.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const upload = async (key: string, path: string) => {
    patch(key, { status: "uploading", progress: 0, error: undefined });
    const outcome = await uploadPhoto(path, (progress) => patch(key, { progress }));
    if (outcome.ok) patch(key, { status: "done", progress: 100, uploadId: outcome.photo.id });
    else patch(key, { status: "failed", error: outcome.message });
  };
  const add = async () => {
    const room = MAX_PICKUP_PHOTOS - photos.length;
    if (room <= 0) return;
    setMessage(null);
    let paths: string[];
    try {
      paths = (await chooseImages(room)).tempFiles.map((f) => f.tempFilePath).slice(0, room);
    } catch (error) {
      if (!/cancel/i.test(String((error as { errMsg?: string } | null)?.errMsg ?? "")))
        setMessage("暂时无法选择照片，请检查相机和相册权限");
      return;
    }
    const added = paths.map((path) => ({ key: `pp-${++counter.current}`, path, status: "uploading" as const, progress: 0 }));
    setPhotos((ps) => [...ps, ...added].slice(0, MAX_PICKUP_PHOTOS));
    await Promise.all(added.map((p) => upload(p.key, p.path)));
  };
  return (
    <View className="wizard-section pickup-photos-step">
      <Text className="section-title">物品照片（可不拍）</Text>
      <Text className="hint-text">拍下要清运的物品，方便回收员准备车辆和人手，最多 {MAX_PICKUP_PHOTOS} 张。</Text>
      <View className="photo-grid">
        {photos.map((p) => (
          <View key={p.key} className={`photo-item photo-item--${p.status}`}>
            <Image className="photo-item__image" src={p.path} mode="aspectFill" />
            {p.status === "uploading" ? <Text className="photo-progress">上传中 {Math.round(p.progress)}%</Text> : null}
            {p.status === "done" ? <Text className="photo-done">已上传</Text> : null}
            {p.status === "failed" ? (
              <View className="photo-failed">
                <Text className="photo-error">{p.error ?? "上传失败"}</Text>
                <Text className="photo-retry" onClick={() => void upload(p.key, p.path)}>
                  重试
                </Text>
              </View>
            ) : null}
            <Text className="photo-remove" onClick={() => setPhotos((ps) => ps.filter((x) => x.key !== p.key))}>
              删除
            </Text>
          </View>
        ))}
      </View>
      {photos.length >= MAX_PICKUP_PHOTOS ? null : (
        <Button className="btn btn-large photo-add" onClick={() => void add()}>
          ＋ 添加照片
        </Button>
      )}
      {message ? <Text className="field-error">{message}</Text> : null}
    </View>
  );
}
