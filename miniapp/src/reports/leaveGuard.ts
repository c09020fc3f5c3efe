import Taro from "@tarojs/taro";

/*
 * Asking before the wizard is left with unsaved input. The weapp: WeChat's own dialog on back
 * (wx.enableAlertBeforeUnload); `ask` is not used there. H5 uses leaveGuard.h5.ts instead.
 */
export const LEAVE_MESSAGE_ZH = "上报还没有提交，确定要离开吗？已填写的内容会保存为草稿。";

export function guardLeaving(_ask: (proceed: () => void) => void): () => void {
  try {
    Taro.enableAlertBeforeUnload({ message: LEAVE_MESSAGE_ZH });
  } catch {
    // Older base libraries lack it: leaving then simply keeps the draft.
  }
  return () => {
    try {
      Taro.disableAlertBeforeUnload();
    } catch {
      // nothing to undo
    }
  };
}
