import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";

export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL or the e-mail job. */
  url: string;
  /** Every message received, parsed, with the envelope's recipients. */
  received: Array<{ envelopeTo: string[]; mail: ParsedMail }>;
  close(): Promise<void>;
}

/** A real SMTP server on a free port that parses every message it receives (tests of e-mail end to end). */
export function startSmtp(): Promise<TestSmtp> {
  const received: TestSmtp["received"] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.server.address() as AddressInfo;
      resolve({ url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

/**
 * For a test file: a real SMTP server started before its tests, named in SMTP_URL (where the app reads it) while they
 * run, and stopped after. The returned getter gives the running server.
 */
export function withTestSmtp(): () => TestSmtp {
  let smtp: TestSmtp | undefined;
  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await smtp?.close();
  });
  return () => {
    if (!smtp) throw new Error("the test SMTP server is not running (withTestSmtp() outside a test file's top level?)");
    return smtp;
  };
}
