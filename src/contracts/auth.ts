import { z } from "zod";
import { empty, endpoint, json } from "./http";
import { roles } from "./roles";

export const SignInRequest = z.strictObject({
  username: z.string().trim().min(1, { error: "Hãy nhập tên đăng nhập." }).max(100),
  password: z.string().min(1, { error: "Hãy nhập mật khẩu." }).max(500),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const GrantView = z.object({ unitId: z.string(), unitName: z.string(), role: z.enum(roles) });

export const Me = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  grants: z.array(GrantView),
  isAdmin: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const CsrfResponse = z.object({ csrfToken: z.string() });

export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1, { error: "Hãy nhập mật khẩu hiện tại." }).max(500),
  newPassword: z.string().min(8, { error: "Mật khẩu mới phải có ít nhất 8 ký tự." }).max(500, { error: "Mật khẩu mới quá dài." }),
});

const tags = ["auth"];

/** /api/auth: sign-in, sign-out, who am I, CSRF token, own password. */
export const authEndpoints = {
  csrf: endpoint({
    method: "GET",
    path: "/api/auth/csrf",
    tags,
    summary: "Lấy mã chống giả mạo (CSRF) trước khi đăng nhập",
    public: true,
    reply: json(CsrfResponse),
  }),
  signIn: endpoint({
    method: "POST",
    path: "/api/auth/sign-in",
    tags,
    summary: "Đăng nhập",
    public: true,
    body: SignInRequest,
    extraErrors: [429],
    reply: json(Me),
  }),
  signOut: endpoint({ method: "POST", path: "/api/auth/sign-out", tags, summary: "Đăng xuất", public: true, reply: empty }),
  me: endpoint({ method: "GET", path: "/api/auth/me", tags, summary: "Người dùng đang đăng nhập", reply: json(Me) }),
  changePassword: endpoint({
    method: "POST",
    path: "/api/auth/change-password",
    tags,
    summary: "Đổi mật khẩu của chính mình (các phiên đăng nhập khác sẽ kết thúc)",
    body: ChangePasswordRequest,
    reply: empty,
  }),
};
