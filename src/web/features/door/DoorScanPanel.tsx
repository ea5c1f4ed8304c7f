import { Alert, Button, Input, Space } from "antd";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { buttonProps } from "../../components/testId";
import type { Scanner } from "./scanner";

/**
 * The camera scanner and, beside it, the code field a hand-held scanner types into (it acts as a keyboard, ending
 * with Enter). Each code read goes to `onCode`.
 */
export function DoorScanPanel({ onCode }: { onCode: (code: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const scanner = useRef<Scanner | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => () => scanner.current?.stop(), []);

  const start = async () => {
    setError(null);
    try {
      // The decoder (and its .wasm) loads on first use: pages that never scan do not carry it.
      const { startScanner } = await import("./scanner");
      if (!video.current) return;
      scanner.current = await startScanner(video.current, (text) => handler.current(text));
      setRunning(true);
    } catch (e) {
      setError(t("door.cameraError", { message: e instanceof Error ? e.message : String(e) }));
    }
  };
  const stop = () => {
    scanner.current?.stop();
    scanner.current = null;
    setRunning(false);
  };
  const submit = () => {
    if (!code.trim()) return;
    onCode(code.trim());
    setCode("");
  };

  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle">
      {running ? (
        <Button size="large" block onClick={stop} {...buttonProps("door-camera-stop")}>
          {t("door.cameraStop")}
        </Button>
      ) : (
        <Button type="primary" size="large" block onClick={() => void start()} {...buttonProps("door-camera-start")}>
          {t("door.cameraStart")}
        </Button>
      )}
      <video
        ref={video}
        data-testid="door-camera"
        data-running={running ? "true" : "false"}
        muted
        playsInline
        style={{ width: "100%", maxHeight: 320, background: "#000", display: running ? "block" : "none", borderRadius: 8 }}
      />
      {error && <Alert type="error" showIcon title={error} />}
      <label htmlFor="door-code" style={{ fontSize: 16 }}>
        {t("door.code")}
      </label>
      <Space.Compact style={{ width: "100%" }}>
        <Input
          id="door-code"
          size="large"
          data-testid="door-code"
          value={code}
          placeholder={t("door.codePlaceholder")}
          onChange={(e) => setCode(e.target.value)}
          onPressEnter={submit}
          autoComplete="off"
        />
        <Button size="large" onClick={submit} {...buttonProps("door-code-submit")}>
          {t("door.codeSubmit")}
        </Button>
      </Space.Compact>
    </Space>
  );
}
