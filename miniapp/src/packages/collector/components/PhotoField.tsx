import { Button, Image, Text, View } from "@tarojs/components";
import { apiBase } from "../../../platform";
import type { PhotoUploads } from "../../../services/usePhotoUploads";

/* Photos for completing a job or reporting it unable: uploaded as soon as they are taken. */
const src = (url: string | null, path: string) => (url ? (/^https?:\/\//.test(url) ? url : `${apiBase()}${url}`) : path);

export function PhotoField({ state, label, error }: { state: PhotoUploads; label: string; error?: string }) {
  return (
    <View className="form-field job-photos">
      <Text className="field-label">{label}</Text>
      <View className="job-photo-list">
        {state.photos.map((p) => (
          <View key={p.key} className={`job-photo ${p.error ? "job-photo--failed" : p.id ? "job-photo--done" : "job-photo--uploading"}`}>
            <Image className="job-photo__img" src={src(p.url, p.path)} mode="aspectFill" />
            {p.error ? (
              <Text className="job-photo__error">{p.error}</Text>
            ) : p.id ? null : (
              <Text className="job-photo__progress">上传中 {p.progress}%</Text>
            )}
            <Text className="job-photo__remove" onClick={() => state.remove(p.key)}>
              移除
            </Text>
          </View>
        ))}
      </View>
      {state.photos.length < state.max ? (
        <Button className="btn job-add-photo" onClick={() => void state.add()}>
          ＋ 拍照
        </Button>
      ) : null}
      {error ? <Text className="form-error field-error field-error-photos">{error}</Text> : null}
    </View>
  );
}
