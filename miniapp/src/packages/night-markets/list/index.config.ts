export default definePageConfig({ navigationBarTitleText: "夜市摊位" });
