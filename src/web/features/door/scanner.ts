/**
 * The camera scanner: the phone's back camera (getUserMedia) read a few times a second by the BarcodeDetector
 * ponyfill (zxing-wasm; desktop Chromium on Linux has no native detector). The .wasm is one of our own built assets,
 * never fetched from a CDN, so scanning works offline once the service worker has cached it.
 */
import { BarcodeDetector, prepareZXingModule } from "barcode-detector/ponyfill";
import wasmUrl from "zxing-wasm/reader/zxing_reader.wasm?url";

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith(".wasm") ? new URL(wasmUrl, location.href).href : prefix + path),
  },
});

export interface Scanner {
  stop(): void;
}

const EVERY_MS = 250;

/** Starts the camera into `video` and calls `onCode` with each QR code read; the same code again only after `quietMs`. */
export async function startScanner(video: HTMLVideoElement, onCode: (text: string) => void, quietMs = 3000): Promise<Scanner> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play();
  const detector = new BarcodeDetector({ formats: ["qr_code"] });
  let stopped = false;
  let last = { text: "", at: 0 };
  const tick = async () => {
    if (stopped) return;
    try {
      if (video.readyState >= video.HAVE_CURRENT_DATA) {
        for (const code of await detector.detect(video)) {
          const now = Date.now();
          if (code.rawValue === last.text && now - last.at < quietMs) continue;
          last = { text: code.rawValue, at: now };
          onCode(code.rawValue);
        }
      }
    } catch {
      // A frame the decoder could not read (the camera still starting): the next one is tried.
    } finally {
      if (!stopped) setTimeout(() => void tick(), EVERY_MS);
    }
  };
  void tick();
  return {
    stop() {
      stopped = true;
      for (const track of stream.getTracks()) track.stop();
      video.srcObject = null;
    },
  };
}
