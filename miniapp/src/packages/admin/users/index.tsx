import type { User } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import { useState } from "react";
import { ROLE_LABELS_ZH } from "../../../auth/roles";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { canRetry, isAdmin, pageError } from "../access";
import "../admin.css";
import { searchUsers } from "../api";
import { UserPanel } from "./UserPanel";

/* 用户与角色: find a user, grant or revoke a role, and read that user's audit trail beside the list. */

export default function AdminUsersPage() {
  const session = useSession();
  const admin = isAdmin(session);
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [selected, setSelected] = useState<User | null>(null);
  const key = session && admin ? `users:${query}` : null;
  const { state, reload, replace } = useApiLoad(key, () => searchUsers(query));
  const users = state.status === "ok" ? state.data.users : [];
  const error = pageError(session, state.status === "error" ? state.error : null);

  const changed = (user: User) => {
    setSelected(user);
    replace({ users: users.map((u) => (u.id === user.id ? user : u)) });
  };

  return (
    <PageContainer
      className="admin-page admin-users"
      title="用户与角色"
      subtitle="按昵称、openid 或编号查找"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={
        <View className="admin-search">
          <Input
            className="text-input user-search-input"
            value={text}
            placeholder="昵称、openid 或用户编号"
            onInput={(e) => setText(e.detail.value)}
          />
          <Button className="btn btn-primary user-search-button" onClick={() => setQuery(text.trim())}>
            查找
          </Button>
        </View>
      }
      loading={state.status === "loading"}
      error={error}
      onRetry={canRetry(error) ? reload : undefined}
      empty={state.status === "ok" && users.length === 0}
      emptyText="没有找到用户"
    >
      <View className="admin-columns">
        <View className="admin-columns__main user-list">
          {users.map((u) => (
            <View
              key={u.id}
              className={`card user-row${selected?.id === u.id ? " is-selected" : ""}`}
              data-user-id={u.id}
              onClick={() => setSelected(u)}
            >
              <Text className="user-row__name">{u.nickname ?? "微信用户"}</Text>
              <Text className="user-row__id">编号 {u.id.slice(-8)}</Text>
              <Text className="user-row__roles">{u.roles.map((r) => ROLE_LABELS_ZH[r]).join("、")}</Text>
            </View>
          ))}
        </View>
        <View className="admin-columns__side">
          {selected ? (
            <UserPanel key={selected.id} user={selected} onChanged={changed} />
          ) : (
            <Text className="admin-hint">选择一位用户以管理其角色</Text>
          )}
        </View>
      </View>
    </PageContainer>
  );
}
