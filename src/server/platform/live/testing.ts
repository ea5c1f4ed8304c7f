import http from "node:http";
import type { FastifyInstance } from "fastify";
import { TEST_PASSWORD, type UserRow } from "../../testing/factories";

/** The cookie header of a fresh session of `user`, signed in like a browser would. */
export async function sessionCookie(app: FastifyInstance, user: UserRow): Promise<string> {
  const remoteAddress = `198.19.${Math.floor(Math.random() * 255)}.${Math.floor(Math.random() * 255)}`;
  const csrf = await app.inject({ method: "GET", url: "/api/auth/csrf", remoteAddress });
  const pre = csrf.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const res = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    remoteAddress,
    headers: { cookie: pre, "x-csrf-token": csrf.json<{ csrfToken: string }>().csrfToken },
    payload: { username: user.username, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return res.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

export interface StreamEvent {
  id: string | null;
  event: string;
  data: string;
}

/** A server-sent events client over plain HTTP: the status, and the events as they arrive. */
export interface TestStream {
  status: number;
  /** Resolves with the first event (not yet taken) that matches; rejects if the stream ends first. */
  next(match?: (e: StreamEvent) => boolean): Promise<StreamEvent>;
  /** Events received and not yet taken. */
  pending(): StreamEvent[];
  comments(): number;
  close(): void;
}

export function openStream(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<TestStream> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${baseUrl}${path}`, { headers: { accept: "text/event-stream", ...headers } }, (res) => {
      const queue: StreamEvent[] = [];
      const waiters: Array<{ match: (e: StreamEvent) => boolean; resolve: (e: StreamEvent) => void; reject: (e: Error) => void }> = [];
      let buffer = "";
      let comments = 0;
      let ended = false;
      const offer = () => {
        for (const w of [...waiters]) {
          const at = queue.findIndex(w.match);
          if (at >= 0) {
            const [e] = queue.splice(at, 1);
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve(e);
          }
        }
      };
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let cut = buffer.indexOf("\n\n");
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          cut = buffer.indexOf("\n\n");
          const e: StreamEvent = { id: null, event: "message", data: "" };
          let fields = 0;
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) comments += 1;
            else if (line.startsWith("id: ")) e.id = line.slice(4);
            else if (line.startsWith("event: ")) (e.event = line.slice(7)), (fields += 1);
            else if (line.startsWith("data: ")) (e.data = line.slice(6)), (fields += 1);
          }
          if (fields > 0) queue.push(e);
        }
        offer();
      });
      res.on("end", () => {
        ended = true;
        for (const w of waiters.splice(0)) w.reject(new Error("stream ended"));
      });
      resolve({
        status: res.statusCode ?? 0,
        next: (match = () => true) =>
          new Promise((ok, fail) => {
            if (ended) return fail(new Error("stream ended"));
            waiters.push({ match, resolve: ok, reject: fail });
            offer();
          }),
        pending: () => [...queue],
        comments: () => comments,
        close: () => req.destroy(),
      });
    });
    req.on("error", reject);
  });
}
