import { CHECK_ERROR_INFO, type CheckError } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, isVolunteer, pageError } from "../access";
import { volunteerToday } from "../api";
import "../volunteer.css";

/* 今日统计: my checks of the city day (synced ones), correct share, mistakes by type, points, per room. */
const errorLabel = (code: string) => CHECK_ERROR_INFO[code as CheckError]?.label ?? code;

export default function VolunteerTodayPage() {
  const session = useSession();
  const volunteer = isVolunteer(session);
  const { state, reload } = useApiLoad(volunteer && session ? `vol-today:${session.token}` : null, volunteerToday);
  const error = pageError(session, state.status === "error" ? state.error : null);
  const t = state.status === "ok" ? state.data : null;
  return (
    <PageContainer
      className="volunteer-page volunteer-today-page"
      title="今日统计"
      subtitle="已同步的检查记录"
      needsLogin={!session}
      loginHint="请使用志愿者账号登录"
      loading={volunteer && state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={t !== null && t.checks === 0}
      emptyText="今天还没有已同步的检查记录"
    >
      {t ? (
        <View className="card tally">
          <Text className="tally-line tally-checks">
            {t.date} 共检查 {t.checks} 袋，正确 {t.correct} 袋
          </Text>
          <Text className="tally-line tally-points">为居民发放积分 {t.points} 分</Text>
          {Object.entries(t.errors).map(([code, count]) => (
            <Text key={code} className="tally-line tally-error">
              {errorLabel(code)}：{count} 次
            </Text>
          ))}
          {t.rooms.map((r) => (
            <Text key={r.binRoomId} className="tally-line tally-room">
              {r.name}：{r.checks} 袋（正确 {r.correct}）
            </Text>
          ))}
        </View>
      ) : null}
    </PageContainer>
  );
}
