import { canAdminister, isStaff, type SessionResponse } from "@civic/shared";

/*
 * The catalogue is the admin's; the pickup desk is staff's (moderators and admins: the bureau's people who
 * hand rewards out). The same shared checks the API answers 403 by.
 */
export const ADMIN_ONLY_MESSAGE = "此页面仅限系统管理员使用";
export const STAFF_ONLY_MESSAGE = "此页面仅限城管局工作人员使用";

export const mayEditRewards = (session: SessionResponse | null) => canAdminister(session?.user);
export const mayUseDesk = (session: SessionResponse | null) => isStaff(session?.user);
