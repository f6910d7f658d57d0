import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// proxy.ts makes Next buffer request bodies, and it silently truncates them
// above this size: keep it above Verso's own upload limit, which answers 413.
const uploadLimitMb = Number(process.env.VERSO_MAX_UPLOAD_MB) > 0 ? Number(process.env.VERSO_MAX_UPLOAD_MB) : 10;

const nextConfig: NextConfig = {
  experimental: { proxyClientMaxBodySize: Math.ceil(uploadLimitMb + 1) * 1_048_576 },
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
  // A second build directory lets two builds run side by side (e.g. NEXT_DIST_DIR=.next-b).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
