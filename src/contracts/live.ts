import { z } from "zod";
import { endpoint, MIME, stream } from "./http";

/** `plan:<id>,conference:<id>`: extra topics to hear besides one's own (`user:<me>`), each checked on the server. */
export const LiveQuery = z.strictObject({
  topics: z
    .string()
    .max(2000)
    .regex(/^([a-z]+:[0-9A-Za-z-]{1,64})(,[a-z]+:[0-9A-Za-z-]{1,64})*$/, { error: "Danh sách chủ đề không hợp lệ." })
    .optional(),
});

/** What one server-sent event carries in its `data:` line; `event:` is its type. */
export const LiveMessage = z.object({
  topic: z.string(),
  type: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type LiveMessage = z.infer<typeof LiveMessage>;

/** The live stream: the project's one mechanism for pushing changes to open pages. */
export const liveEndpoints = {
  events: endpoint({
    method: "GET",
    path: "/api/events",
    tags: ["live"],
    summary: "Luồng cập nhật trực tiếp (server-sent events)",
    description:
      "Sự kiện `notification`, `obligation`… cho người dùng (`user:<id>`) và các chủ đề được phép; gửi lại `Last-Event-ID` khi kết nối lại, " +
      "hoặc nhận `resync` (đọc lại toàn bộ). Mỗi 25 giây có một dòng chú thích giữ kết nối.",
    query: LiveQuery,
    reply: stream(MIME.sse, "text/event-stream"),
  }),
};
