export default definePageConfig({ navigationBarTitleText: "摊区设置" });
