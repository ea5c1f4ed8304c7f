import type { TFunction } from "i18next";
import { roles } from "../../../contracts/roles";

/** Roles a user may hand out: only admins create admins. */
export const roleOptions = (t: TFunction, isAdmin: boolean) =>
  roles.filter((role) => isAdmin || role !== "admin").map((role) => ({ value: role, label: t(`roles.${role}`) }));
