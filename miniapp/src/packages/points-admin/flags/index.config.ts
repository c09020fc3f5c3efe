export default definePageConfig({ navigationBarTitleText: "积分异常" });
