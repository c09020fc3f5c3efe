export default definePageConfig({ navigationBarTitleText: "问题类别" });
