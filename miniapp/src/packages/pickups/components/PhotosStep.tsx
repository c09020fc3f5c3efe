import { Text, View } from "@tarojs/components";
import { DraftPhotoGrid } from "../../../components/DraftPhotoGrid";
import type { DraftPhotosUpdate } from "../../../services/photoDrafts";
import { MAX_PICKUP_PHOTOS, type PickupPhoto } from "../draft";

/* Photos of the items (optional, up to 6): each uploaded as soon as it is chosen, through the platform's uploads. */
export function PhotosStep({ photos, setPhotos }: { photos: PickupPhoto[]; setPhotos: DraftPhotosUpdate }) {
  return (
    <View className="wizard-section pickup-photos-step">
      <Text className="section-title">物品照片（可不拍）</Text>
      <Text className="hint-text">拍下要清运的物品，方便回收员准备车辆和人手，最多 {MAX_PICKUP_PHOTOS} 张。</Text>
      <DraftPhotoGrid photos={photos} setPhotos={setPhotos} max={MAX_PICKUP_PHOTOS} />
    </View>
  );
}
