export default definePageConfig({ navigationBarTitleText: "分类指南建议" });
