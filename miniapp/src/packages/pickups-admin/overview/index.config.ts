export default definePageConfig({ navigationBarTitleText: "大件收运概况" });
