import path from "node:path";
import { describe, expect, it } from "vitest";
import { findRouteFiles, isApiPath, matchSegments, requestUrl, routeSegments, sortRoutes } from "@/lib/server/api-router";

const appDir = path.join(import.meta.dirname, "..", "..", "app");

/** The route of a path among the app's own route files, as the production router picks it. */
function resolve(pathname: string) {
  const routes = sortRoutes(findRouteFiles(appDir).map((file) => ({ file, segments: routeSegments(file) })));
  const parts = pathname.split("/").filter(Boolean);
  for (const route of routes) {
    const params = matchSegments(route.segments, parts);
    if (params) return { file: route.file, params };
  }
  return null;
}

describe("the API router", () => {
  it("serves /api/v1 and /api/health, and leaves pages and the auth library's routes to Next.js", () => {
    expect(isApiPath("/api/v1/articles")).toBe(true);
    expect(isApiPath("/api/health")).toBe(true);
    expect(isApiPath("/api/auth/sign-in/email")).toBe(false);
    expect(isApiPath("/api/v1x")).toBe(false);
    expect(isApiPath("/en/articles/demo")).toBe(false);
    const files = findRouteFiles(appDir);
    expect(files).toContain("api/health/route.ts");
    expect(files).toContain("api/v1/segments/[id]/annotations/route.ts");
    expect(files.some((file) => file.startsWith("api/auth/"))).toBe(false);
  });

  it("finds every endpoint by the file-system rules Next.js uses", () => {
    expect(resolve("/api/v1/segments/s1/annotations")).toEqual({ file: "api/v1/segments/[id]/annotations/route.ts", params: { id: "s1" } });
    expect(resolve("/api/v1/articles/demo/rows")).toEqual({ file: "api/v1/articles/[slug]/rows/route.ts", params: { slug: "demo" } });
    expect(resolve("/api/v1/articles")).toEqual({ file: "api/v1/articles/route.ts", params: {} });
    // A static segment wins over a parameter: glossary/import is not the term "import".
    expect(resolve("/api/v1/glossary/import")?.file).toBe("api/v1/glossary/import/route.ts");
    expect(resolve("/api/v1/glossary/t1")).toEqual({ file: "api/v1/glossary/[id]/route.ts", params: { id: "t1" } });
    // Anything else under /api/v1 is the catch-all's JSON 404.
    expect(resolve("/api/v1/segments/s1/nope/deeper")).toEqual({ file: "api/v1/[...rest]/route.ts", params: { rest: ["segments", "s1", "nope", "deeper"] } });
    expect(resolve("/api/v1/segments/s1/annotations/extra")?.file).toBe("api/v1/[...rest]/route.ts");
  });

  it("reads the addressed URL from the Host header, and survives a Host that is not a host", () => {
    expect(requestUrl({ url: "/api/health?x=1", headers: { host: "verso.example:8080" } }, 3000).href).toBe("http://verso.example:8080/api/health?x=1");
    expect(requestUrl({ url: "/api/health", headers: {} }, 3000).href).toBe("http://localhost:3000/api/health");
    // Before, this threw inside the server's request handler and took the process down.
    expect(requestUrl({ url: "/api/v1/articles", headers: { host: "bad host[" } }, 3000).pathname).toBe("/api/v1/articles");
  });
});
