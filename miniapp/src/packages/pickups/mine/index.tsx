import { PICKUP_WINDOWS } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro, { useDidShow } from "@tarojs/taro";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { myPickups } from "../api";
import { dateLabel } from "../components/SlotStep";
import { PickupStatusBadge } from "../components/StatusBadge";
import "../pickups.css";
import { BOOK_PAGE, bookingUrl } from "../routes";
import { streetLabel } from "../street";

/* 我的预约: the resident's bulky-waste bookings, newest first, each opening its page; empty: a 预约 button. */
export default function MyPickupsPage() {
  const session = useSession();
  const list = useApiLoad(session ? `pickups-mine:${session.user.id}` : null, myPickups);
  useDidShow(() => {
    if (list.state.status === "ok") list.reload();
  });
  const bookings = list.state.status === "ok" ? list.state.data.bookings : [];
  const book = () => void Taro.navigateTo({ url: BOOK_PAGE });
  return (
    <PageContainer
      className="pickup-mine-page"
      title="我的预约"
      subtitle="大件垃圾上门收运"
      needsLogin={!session}
      loginHint="登录后查看您的预约"
      loading={list.state.status === "loading"}
      error={list.state.status === "error" ? list.state.error : null}
      onRetry={list.reload}
    >
      {list.state.status === "ok" && bookings.length === 0 ? (
        <View className="state-empty pickup-mine-empty">
          <Text className="empty-text">还没有预约过大件垃圾上门收运</Text>
          <Button className="btn btn-primary btn-large pickup-book-button" onClick={book}>
            预约上门收运
          </Button>
        </View>
      ) : null}
      {bookings.map((b) => (
        <View key={b.id} className="card pickup-mine-item" data-id={b.id} onClick={() => void Taro.navigateTo({ url: bookingUrl(b.id) })}>
          <View className="pickup-mine-item__head">
            <Text className="pickup-number">预约号 {b.number}</Text>
            <PickupStatusBadge status={b.status} />
          </View>
          <Text className="pickup-mine-item__slot">
            {dateLabel(b.slot.date)} {PICKUP_WINDOWS[b.slot.window].label}
          </Text>
          <Text className="hint-text">{streetLabel(b.slot.streetCode)}</Text>
        </View>
      ))}
      {bookings.length > 0 ? (
        <Button className="btn btn-large pickup-book-button" onClick={book}>
          新的预约
        </Button>
      ) : null}
    </PageContainer>
  );
}
