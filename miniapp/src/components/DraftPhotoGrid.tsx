import { Button, Image, Text, View } from "@tarojs/components";
import { type DraftPhoto, type DraftPhotosUpdate, useDraftPhotos } from "../services/photoDrafts";

/* The photos of a form: tiles with upload progress, retry and remove, the count and 添加照片 (see photoDrafts). */

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

export function DraftPhotoGrid(props: { photos: DraftPhoto[]; setPhotos: DraftPhotosUpdate; max: number; showCount?: boolean }) {
  const { add, retry, remove, message } = useDraftPhotos(props.photos, props.setPhotos, props.max);
  const full = props.photos.length >= props.max;
  return (
    <>
      <View className="photo-grid">
        {props.photos.map((p) => (
          <PhotoTile key={p.key} photo={p} onRetry={() => retry(p)} onRemove={() => remove(p.key)} />
        ))}
      </View>
      {props.showCount ? (
        <Text className="photo-count">
          已选 {props.photos.length}/{props.max} 张
        </Text>
      ) : null}
      {full ? null : (
        <Button className="btn btn-large photo-add" onClick={() => void add()}>
          ＋ 添加照片
        </Button>
      )}
      {message ? <Text className="field-error">{message}</Text> : null}
    </>
  );
}
