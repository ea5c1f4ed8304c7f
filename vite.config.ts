import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The server (app.ts) serves dist/web; in development Vite serves the app and passes /api to the server.
export default defineConfig({
  plugins: [react()],
  root: ".",
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: { "/api": { target: "http://localhost:3000", changeOrigin: false } },
  },
});
