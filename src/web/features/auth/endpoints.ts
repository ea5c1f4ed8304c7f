/** Where the signed-in user changes their own password. */
export const CHANGE_PASSWORD_URL = "/api/auth/change-password";
