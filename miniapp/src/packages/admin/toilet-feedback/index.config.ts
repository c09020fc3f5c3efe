export default definePageConfig({ navigationBarTitleText: "厕所问题反馈" });
