export default definePageConfig({ navigationBarTitleText: "城管服务" });
