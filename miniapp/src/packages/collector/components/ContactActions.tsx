import type { CollectorJob } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { NavigateButton } from "../../../components/navigate/NavigateButton";

/* Who and where of a held job: address, placement, access notes, 拨打电话 and navigation. */
export function ContactBlock({ job }: { job: CollectorJob }) {
  const c = job.contact;
  if (!c) return null;
  const call = () => void Taro.makePhoneCall({ phoneNumber: c.contactPhone }).catch(() => undefined);
  return (
    <View className="job-contact">
      <Text className="job-contact__number">预约号 {c.number}</Text>
      <Text className="job-contact__address">{c.address}</Text>
      <Text className="job-contact__placement">放置位置：{c.placement}</Text>
      {c.accessNotes ? <Text className="job-contact__notes">进入说明：{c.accessNotes}</Text> : null}
      {c.onBehalf ? <Text className="job-contact__behalf">代预约，联系人：{c.onBehalf.name}</Text> : null}
      <View className="job-contact__actions">
        <Button className="btn job-call" onClick={call}>
          拨打电话 {c.contactPhone}
        </Button>
        <NavigateButton target={{ lat: c.location.lat, lng: c.location.lng, name: c.address, address: c.address }} />
      </View>
    </View>
  );
}
