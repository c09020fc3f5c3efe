import { GRANTABLE_ROLES, type GrantableRole, type User } from "@civic/shared";
import { Button, Input, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { ROLE_LABELS_ZH } from "../../../auth/roles";
import { Chip } from "../../../components/Chip";
import { useApiLoad } from "../../../services/useApiLoad";
import { auditLog, grantRole, revokeRole } from "../api";
import { AuditList } from "../components/AuditList";
import { AUDIT_PAGE } from "../routes";

/* One user: roles with revoke, a grant form, and the audit trail of actions on this user (newest first). */

export function UserPanel({ user, onChanged }: { user: User; onChanged: (u: User) => void }) {
  const [role, setRole] = useState<GrantableRole | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const trail = useApiLoad(`trail:${user.id}:${version}`, () => auditLog({ targetType: "user", targetId: user.id, limit: 50 }));

  const done = (updated: User, toast: string) => {
    onChanged(updated);
    setVersion((v) => v + 1);
    void Taro.showToast({ title: toast, icon: "success" });
  };

  const grant = async () => {
    if (!role) return;
    setBusy(true);
    const res = await grantRole(user.id, role, note.trim() || undefined);
    setBusy(false);
    if (!res.ok) return setFailure(res.message);
    setFailure(null);
    setRole(null);
    setNote("");
    done(res.data, "已授予");
  };

  const revoke = async (r: GrantableRole) => {
    const answer = await Taro.showModal({ title: "撤销角色", content: `确定撤销「${ROLE_LABELS_ZH[r]}」角色吗？` });
    if (!answer.confirm) return;
    const res = await revokeRole(user.id, r);
    if (!res.ok) return setFailure(res.message);
    setFailure(null);
    done(res.data, "已撤销");
  };

  const grantable = GRANTABLE_ROLES.filter((r) => !user.roles.includes(r));
  return (
    <View className="card user-panel">
      <Text className="section-title">{user.nickname ?? "微信用户"}</Text>
      <Text className="admin-hint">编号 {user.id}</Text>
      <View className="user-panel__roles">
        {user.roles.map((r) => (
          <View key={r} className={`role-line role-line-${r}`}>
            <Text className="role-line__name">{ROLE_LABELS_ZH[r]}</Text>
            {r === "resident" ? null : (
              <Button className="btn role-revoke" onClick={() => void revoke(r as GrantableRole)}>
                撤销
              </Button>
            )}
          </View>
        ))}
      </View>
      {grantable.length ? (
        <View className="grant-form">
          <Text className="chip-row__label">授予角色</Text>
          <View className="chip-row">
            {grantable.map((r) => (
              <Chip key={r} label={ROLE_LABELS_ZH[r]} className={`grant-role-${r}`} active={role === r} onTap={() => setRole(r)} />
            ))}
          </View>
          <Input
            className="text-input grant-note"
            value={note}
            placeholder="备注（可选），如：姑苏区回收队"
            onInput={(e) => setNote(e.detail.value)}
          />
          <Button className="btn btn-primary grant-button" disabled={!role || busy || undefined} onClick={() => void grant()}>
            授予
          </Button>
        </View>
      ) : null}
      {failure ? <Text className="form-error user-panel__error">{failure}</Text> : null}
      <Text className="section-title">操作记录</Text>
      {trail.state.status === "loading" ? <Text className="admin-hint">加载中…</Text> : null}
      {trail.state.status === "error" ? <Text className="form-error">{trail.state.error.message}</Text> : null}
      {trail.state.status === "ok" && trail.state.data.entries.length === 0 ? (
        <Text className="admin-hint trail-empty">还没有操作记录</Text>
      ) : null}
      {trail.state.status === "ok" ? <AuditList entries={trail.state.data.entries} /> : null}
      {trail.state.status === "ok" && trail.state.data.nextCursor ? (
        <Button
          className="btn trail-more"
          onClick={() => void Taro.navigateTo({ url: `${AUDIT_PAGE}?targetType=user&targetId=${encodeURIComponent(user.id)}` })}
        >
          在审计日志中查看全部
        </Button>
      ) : null}
    </View>
  );
}
