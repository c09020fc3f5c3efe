export default definePageConfig({ navigationBarTitleText: "回收员服务街道" });
