import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { type ReactNode, useEffect } from "react";
import { useReportShownPage } from "../custom-tab-bar/tabs";
import { isH5 } from "../platform";
import { LOGIN_PAGE } from "../services/loginRedirect";
import type { ApiFailure } from "../services/request";
import { useLargeText } from "../ui/largeText";
import { NavHeader } from "./nav/NavHeader";

/*
 * The frame of every page: title, then exactly one of needs-login / loading / error (with retry) /
 * empty / content. `toolbar` stays visible above the state (filters, place), `footer` below it.
 * The root carries `large-text` when 适老化 is on, which enlarges all text on the page; in H5 the document
 * root carries `large-text-root` too, for what lives outside pages (the tab bar). Pages outside the tab
 * bar get an H5 header with their title and back/首页 (NavHeader; nothing in the weapp). Each show tells
 * the weapp's custom tab bar which page is on screen.
 */
export interface PageContainerProps {
  title?: string;
  subtitle?: string;
  className?: string;
  loading?: boolean;
  error?: ApiFailure | string | null;
  onRetry?: () => void;
  empty?: boolean;
  emptyText?: string;
  needsLogin?: boolean;
  loginHint?: string;
  toolbar?: ReactNode;
  footer?: ReactNode;
  children?: ReactNode;
}

export function PageContainer(props: PageContainerProps) {
  const largeText = useLargeText();
  useReportShownPage();
  const rootClass = ["page", largeText ? "large-text" : "", props.className ?? ""].filter(Boolean).join(" ");
  useEffect(() => {
    if (isH5() && typeof document !== "undefined") document.documentElement.classList.toggle("large-text-root", largeText);
  }, [largeText]);
  return (
    <View className={rootClass}>
      <NavHeader title={props.title} />
      {props.title ? (
        <View className="page-header">
          <Text className="page-title">{props.title}</Text>
          {props.subtitle ? <Text className="page-subtitle">{props.subtitle}</Text> : null}
        </View>
      ) : null}
      {props.needsLogin ? null : props.toolbar}
      <PageState {...props} />
      {props.footer}
    </View>
  );
}

function PageState(props: PageContainerProps) {
  if (props.needsLogin) {
    return (
      <View className="state state-needs-login">
        <Text className="state-text">{props.loginHint ?? "登录后才能使用此功能"}</Text>
        <Button className="btn btn-primary login-prompt" onClick={() => Taro.navigateTo({ url: LOGIN_PAGE })}>
          去登录
        </Button>
      </View>
    );
  }
  if (props.loading) {
    return (
      <View className="state state-loading">
        <Text className="state-text">加载中…</Text>
      </View>
    );
  }
  if (props.error) {
    const message = typeof props.error === "string" ? props.error : props.error.message;
    return (
      <View className="state state-error">
        <Text className="state-text error-message">{message}</Text>
        {props.onRetry ? (
          <Button className="btn retry-button" onClick={props.onRetry}>
            重试
          </Button>
        ) : null}
      </View>
    );
  }
  if (props.empty) {
    return (
      <View className="state state-empty">
        <Text className="state-text">{props.emptyText ?? "暂无内容"}</Text>
      </View>
    );
  }
  return <View className="page-body">{props.children}</View>;
}
