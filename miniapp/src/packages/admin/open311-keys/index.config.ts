export default definePageConfig({ navigationBarTitleText: "Open311 密钥" });
