export default definePageConfig({ navigationBarTitleText: "收运时段" });
