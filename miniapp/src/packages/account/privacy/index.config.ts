export default definePageConfig({ navigationBarTitleText: "隐私与数据" });
