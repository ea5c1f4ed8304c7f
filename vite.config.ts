import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|ico|webmanifest|wasm)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/**
 * Writes `<file>.br` (brotli, best) and `<file>.gz` (gzip -9) beside every text file of the build, once, so the
 * server (@fastify/static `preCompressed`) sends compressed bytes without compressing on each request.
 */
function precompress(): Plugin {
  let outDir = "";
  return {
    name: "kehoach-precompress",
    apply: "build",
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    // After every other plugin's files (the service worker and its manifest from VitePWA) are written.
    closeBundle: {
      order: "post",
      sequential: true,
      handler: () => {
        for (const path of files(outDir).filter((p) => COMPRESSIBLE.test(p))) {
          const bytes = readFileSync(path);
          writeFileSync(
            `${path}.br`,
            brotliCompressSync(bytes, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
            }),
          );
          writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
        }
      },
    },
  };
}

/**
 * The door check-in page installs as an app (issue 10): a web manifest whose start page is the door list, and a
 * Workbox service worker (registered only by the door pages, features/door/pwa.ts) that precaches the app shell
 * (every built script, style, icon and the zxing .wasm), so /door pages open without a network. It never caches the
 * API: no runtime caching at all, and navigations under /api/ are not answered with index.html.
 */
function installableDoor(): Plugin[] {
  return VitePWA({
    injectRegister: false,
    registerType: "autoUpdate",
    includeAssets: [],
    manifest: {
      name: "kehoach — Điểm danh",
      short_name: "Điểm danh",
      description: "Điểm danh đại biểu tại cửa hội nghị: quét mã QR trên giấy mời, vẫn chạy khi mất mạng.",
      lang: "vi",
      start_url: "/door",
      scope: "/",
      display: "standalone",
      orientation: "portrait",
      background_color: "#ffffff",
      theme_color: "#1677ff",
      icons: [
        { src: "/door/icon-192.png", sizes: "192x192", type: "image/png" },
        { src: "/door/icon-512.png", sizes: "512x512", type: "image/png" },
        { src: "/door/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      ],
    },
    workbox: {
      globPatterns: ["**/*.{js,css,html,svg,png,ico,wasm,woff2}"],
      // The zxing reader .wasm is about 1 MB; the largest chunks are under 2 MB.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      navigateFallback: "/index.html",
      navigateFallbackDenylist: [/^\/api\//],
      runtimeCaching: [],
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: true,
    },
  });
}

// The server (app.ts) serves dist/web; in development Vite serves the app and passes /api to the server.
export default defineConfig({
  plugins: [react(), installableDoor(), precompress()],
  root: ".",
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    // The whole static graph of the entry (React, the router, antd's form parts, the sign-in page) is one
    // "boot" chunk; every page and the heavy antd parts it needs (tables, trees, pickers) load when first used.
    // Without the group Rolldown merges chunks shared by several pages into one the entry also loads.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: "boot", tags: ["$initial"], priority: 10 }],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
});
