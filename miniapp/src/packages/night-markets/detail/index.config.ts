export default definePageConfig({ navigationBarTitleText: "摊区详情" });
