/* WeChat loads custom-tab-bar/ as a component (app.config.ts: tabBar.custom in the weapp). */
export default { component: true };
