import { PRIVACY_POLICY_VERSION } from "@civic/shared";

/*
 * The privacy policy as shown on 隐私与数据. Changing the text means bumping PRIVACY_POLICY_VERSION in
 * shared, so users are asked to accept the new version. `retentionDays` comes from the server's setting.
 */
export interface PolicySection {
  title: string;
  paragraphs: string[];
}

export const POLICY_TITLE = "城管服务隐私政策";

export function privacyPolicy(retentionDays: number): PolicySection[] {
  return [
    {
      title: "我们是谁",
      paragraphs: [
        `本小程序由城市管理局（以下简称“我们”）提供。本政策版本 ${PRIVACY_POLICY_VERSION}，依据《中华人民共和国个人信息保护法》制定。`,
      ],
    },
    {
      title: "我们收集什么、为什么",
      paragraphs: [
        "微信身份标识（openid）：用于登录和识别您的账号，不会向其他用户展示。",
        "位置：仅在您查找附近设施或上报问题的当时获取，用于显示附近结果和标注问题位置；不在后台持续获取。",
        "照片：仅在您上报问题时由您选择上传，已去除拍摄地点等元数据，用于工作人员核实和处理。",
        "手机号：仅在您主动提供时收集，用于工作人员联系您核实情况。",
        "您的上报内容、评价、关注、公厕反馈和消息记录：用于处理问题并告知进展。",
      ],
    },
    {
      title: "保存多久",
      paragraphs: [
        `问题结案（或不予受理）${retentionDays} 天后，该上报与您的身份自动解除关联，仅作为城市管理记录保留，不再能对应到您本人。`,
        "您注销账号时，我们立即删除您的身份信息，并按下方“您的权利”所述处理其他数据。",
      ],
    },
    {
      title: "谁能看到",
      paragraphs: [
        "处理问题的城管工作人员可以看到您的上报内容、照片和准确位置。",
        "其他市民只能看到经审核的问题描述和大致位置（约百米范围），永远看不到上报人是谁。",
        "我们不会向任何第三方出售或提供您的个人信息；法律法规另有规定的除外。",
      ],
    },
    {
      title: "您的权利",
      paragraphs: [
        "查阅、复制：在“隐私与数据”页面可随时导出我们保存的关于您的全部数据。",
        "删除、注销：可随时注销账号。已立案的问题及其照片作为城市管理记录保留但不再关联您；未立案问题的照片将被删除。",
        "撤回同意：可在微信“设置—隐私”中撤回位置等授权，撤回不影响此前已进行的处理。",
        "更正、补充：可通过下方联系方式提出。",
      ],
    },
    {
      title: "联系我们",
      paragraphs: ["拨打 12345 政务服务便民热线，或在本小程序上报时在描述中说明，我们将在 15 个工作日内答复。"],
    },
  ];
}
