import type { Role } from "@civic/shared";

export const ROLE_LABELS_ZH: Record<Role, string> = {
  resident: "居民",
  collector: "回收员",
  volunteer: "志愿者",
  moderator: "管理员",
  admin: "系统管理员",
};

/** One line on what each role does, shown by the demo login's role picker. */
export const ROLE_DESCRIPTIONS_ZH: Record<Role, string> = {
  resident: "找厕所、预约、随手拍等便民服务",
  collector: "接大件垃圾清运单、称重回收",
  volunteer: "小蜜蜂：检查小区垃圾分类",
  moderator: "城管局工作人员：审核与派遣",
  admin: "管理角色、数据与厕所信息",
};
