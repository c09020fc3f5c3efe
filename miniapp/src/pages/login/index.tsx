import { ROLES, type Role, type SessionResponse } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useEffect, useState } from "react";
import { devLogin, wechatLogin } from "../../auth/api";
import { ROLE_DESCRIPTIONS_ZH, ROLE_LABELS_ZH } from "../../auth/roles";
import { PageContainer } from "../../components/PageContainer";
import { isH5 } from "../../platform";
import { setLoginPageOpen } from "../../services/loginRedirect";
import type { ApiFailure } from "../../services/request";
import { saveSession } from "../../services/session";

/*
 * Login. In WeChat: wx.login's code goes to /auth/wechat. In the H5 demo there is no WeChat, so a role
 * picker signs in through /auth/dev-login (enabled only on demo servers). Afterwards, back to where the
 * user came from.
 */
function leaveLogin() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: "/pages/me/index" });
}

function describeFailure(result: ApiFailure, demo: boolean): string {
  if (demo && result.status === 404) return "演示登录未开启（服务器需设置 DEV_LOGIN=1）";
  return result.message;
}

export default function LoginPage() {
  const [role, setRole] = useState<Role>("resident");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const demo = isH5();

  useEffect(() => {
    setLoginPageOpen(true);
    return () => setLoginPageOpen(false);
  }, []);

  const finish = (session: SessionResponse) => {
    saveSession(session);
    void Taro.showToast({ title: "登录成功", icon: "success" });
    leaveLogin();
  };

  const loginWithWechat = async () => {
    let code: string;
    try {
      code = (await Taro.login()).code;
    } catch {
      setError("微信登录失败，请重试");
      return;
    }
    const result = await wechatLogin(code);
    if (result.ok) finish(result.data);
    else setError(describeFailure(result, false));
  };

  const loginAsDemoRole = async () => {
    const result = await devLogin({ openid: `demo-${role}`, role });
    if (result.ok) finish(result.data);
    else setError(describeFailure(result, true));
  };

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    await (demo ? loginAsDemoRole() : loginWithWechat());
    setBusy(false);
  };

  return (
    <PageContainer className="login-page" title="登录城管服务" subtitle={demo ? "演示环境" : "使用微信账号登录"}>
      {demo ? (
        <View className="card role-picker">
          <Text className="demo-note">这是演示登录：选择一个角色即可直接登录，无需微信。正式小程序使用微信登录。</Text>
          {ROLES.map((r) => (
            <View key={r} className={`role-option role-${r}${role === r ? " is-active" : ""}`} onClick={() => setRole(r)}>
              <Text className="role-option__name">{ROLE_LABELS_ZH[r]}</Text>
              <Text className="role-option__desc">{ROLE_DESCRIPTIONS_ZH[r]}</Text>
            </View>
          ))}
        </View>
      ) : (
        <View className="card">
          <Text className="login-note">登录后可以报告问题、查看办理进度。我们只获取您的微信身份标识，不获取手机号。</Text>
        </View>
      )}
      {error ? <Text className="form-error login-error">{error}</Text> : null}
      <View className="page-actions">
        <Button className="btn btn-primary btn-large login-submit" disabled={busy || undefined} onClick={submit}>
          {demo ? `以${ROLE_LABELS_ZH[role]}身份登录` : "微信一键登录"}
        </Button>
      </View>
    </PageContainer>
  );
}
