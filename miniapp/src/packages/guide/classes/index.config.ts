export default definePageConfig({ navigationBarTitleText: "四类垃圾" });
