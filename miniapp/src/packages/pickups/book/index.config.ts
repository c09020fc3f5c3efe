export default definePageConfig({ navigationBarTitleText: "大件垃圾预约" });
