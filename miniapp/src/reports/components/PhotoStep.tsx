import { MAX_REPORT_PHOTOS } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { DraftPhotoGrid } from "../../components/DraftPhotoGrid";
import type { DraftPhoto, DraftPhotosUpdate } from "../../services/photoDrafts";

/* Step 2: 1 to 9 photos from the camera or the album, each uploaded as soon as it is chosen (see photoDrafts). */
export function PhotoStep(props: { photos: DraftPhoto[]; setPhotos: DraftPhotosUpdate }) {
  return (
    <View className="wizard-section photo-step">
      <Text className="section-title">拍照或从相册选择</Text>
      <Text className="hint-text">请拍下问题的现场，1–{MAX_REPORT_PHOTOS} 张。照片中的拍摄位置等信息会被去除。</Text>
      <DraftPhotoGrid photos={props.photos} setPhotos={props.setPhotos} max={MAX_REPORT_PHOTOS} showCount />
    </View>
  );
}
