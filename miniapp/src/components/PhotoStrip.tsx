import { Image, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { photoSrc } from "../services/photo-src";

/* A row of photos the API handed out signed URLs for; a tap opens them full screen. */
export function PhotoStrip({ urls, className }: { urls: string[]; className: string }) {
  if (urls.length === 0) return null;
  const full = urls.map(photoSrc);
  return (
    <View className={`photo-strip ${className}`}>
      {full.map((src) => (
        <View key={src} className="report-photo" onClick={() => void Taro.previewImage({ urls: full, current: src })}>
          <Image className="report-photo__image" src={src} mode="aspectFill" />
        </View>
      ))}
    </View>
  );
}
