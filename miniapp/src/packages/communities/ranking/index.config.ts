export default definePageConfig({ navigationBarTitleText: "星级小区排行" });
