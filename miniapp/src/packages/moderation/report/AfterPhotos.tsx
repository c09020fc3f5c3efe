import { MAX_REPORT_PHOTOS } from "@civic/shared";
import { Button, Image, Text, View } from "@tarojs/components";
import { usePhotoUploads } from "../../../services/usePhotoUploads";
import { photoSrc } from "../api";

/* 处理反馈's after-photos: chosen from the camera or album and uploaded at once, with progress. */
export type { PickedPhoto as AfterPhoto } from "../../../services/usePhotoUploads";

export const useAfterPhotos = () => usePhotoUploads(MAX_REPORT_PHOTOS);

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
