import { Text, View } from "@tarojs/components";
import { useRouter } from "@tarojs/taro";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, isAdmin, pageError } from "../access";
import "../admin.css";
import { toiletForAdmin } from "../api";
import { ToiletClosureActions } from "./ToiletClosureActions";
import { ToiletForm } from "./ToiletForm";

/* 修改公厕: one toilet's details (saved as a partial change, audited with old values), pause or retire it. */

export default function AdminToiletEditPage() {
  const id = useRouter().params.id ?? "";
  const session = useSession();
  const admin = isAdmin(session);
  const { state, reload, replace } = useApiLoad(session && admin && id ? `toilet:${id}` : null, () => toiletForAdmin(id));
  const error = pageError(session, state.status === "error" ? state.error : null);
  const toilet = state.status === "ok" ? state.data : null;

  return (
    <PageContainer
      className="admin-page admin-toilet-edit"
      title={toilet ? toilet.name : "修改公厕"}
      subtitle={toilet ? `${toilet.district} · ${toilet.address}` : undefined}
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      loading={state.status === "loading"}
      error={id ? error : "缺少公厕编号"}
      onRetry={canRetry(error) ? reload : undefined}
    >
      {toilet ? (
        <View className="admin-columns">
          <View className="admin-columns__main">
            <ToiletForm key={toilet.updatedAt} toilet={toilet} onSaved={replace} />
          </View>
          <View className="admin-columns__side">
            {toilet.active ? null : <Text className="card toilet-inactive-note">已停用：{toilet.deactivatedReason}</Text>}
            <ToiletClosureActions toilet={toilet} onChanged={replace} />
          </View>
        </View>
      ) : null}
    </PageContainer>
  );
}
