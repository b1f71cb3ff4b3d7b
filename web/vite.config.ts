/// <reference types="node" />
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

// The built app ships inside the Python package: the Demo service serves it.
const outDir = "../src/ecotrack/demo/dist";

/** Swagger UI for /docs, from the installed swagger-ui-dist package (no CDN at run time). */
function swaggerUiAssets(): Plugin {
  const root = dirname(require.resolve("swagger-ui-dist/package.json"));
  return {
    name: "ecotrack-swagger-ui-assets",
    apply: "build",
    generateBundle() {
      for (const file of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
        this.emitFile({ type: "asset", fileName: `docs/${file}`, source: readFileSync(join(root, file)) });
      }
    },
  };
}

export default defineConfig({
  plugins: [react(), swaggerUiAssets()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      output: {
        // Charts are the heaviest part and change least: their own long-cached chunk.
        manualChunks(id: string) {
          if (id.includes("node_modules/echarts") || id.includes("node_modules/zrender")) return "charts";
          if (id.includes("node_modules/react") || id.includes("node_modules/scheduler")) return "react";
          return undefined;
        },
      },
    },
  },
  server: {
    // `npm run dev` against a running `make up` (ECOTRACK_API names another one).
    proxy: Object.fromEntries(
      ["/api", "/.well-known", "/openapi.json"].map((path) => [path, process.env.ECOTRACK_API ?? "http://localhost:8000"]),
    ),
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
