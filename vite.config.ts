import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|ico|webmanifest)$/;

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
    closeBundle: () => {
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
  };
}

// The server (app.ts) serves dist/web; in development Vite serves the app and passes /api to the server.
export default defineConfig({
  plugins: [react(), precompress()],
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
