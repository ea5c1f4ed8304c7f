export const roles = ["admin", "manager", "member", "viewer"] as const;
export type RoleName = (typeof roles)[number];
