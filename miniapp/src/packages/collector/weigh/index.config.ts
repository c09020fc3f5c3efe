export default definePageConfig({ navigationBarTitleText: "扫码称重" });
