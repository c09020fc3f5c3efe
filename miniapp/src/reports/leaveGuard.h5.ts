import { history } from "@tarojs/router";

/*
 * H5: Taro's router runs on the `history` package, whose block() holds any navigation (browser back, a
 * tab, the header's back or home) until `ask` lets it go, and while blocked also asks the browser to
 * confirm closing or reloading the page (beforeunload).
 */
export const LEAVE_MESSAGE_ZH = "上报还没有提交，确定要离开吗？已填写的内容会保存为草稿。";

export function guardLeaving(ask: (proceed: () => void) => void): () => void {
  if (!history) return () => {};
  let unblock: (() => void) | null = history.block((tx) => {
    ask(() => {
      unblock?.();
      unblock = null;
      tx.retry();
    });
  });
  return () => {
    unblock?.();
    unblock = null;
  };
}
