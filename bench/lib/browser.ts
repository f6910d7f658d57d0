// Figures 2 and 3: the review page in headless Chromium, a fresh browser context
// (empty cache) per run, signed in through the session cookie.
import fs from "node:fs";
import { chromium, type Browser } from "@playwright/test";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
// As in playwright.config.ts: keep Chromium off the network.
const LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface PageLoad {
  /** From navigation start to the first grid row's text on screen and hydrated (its mouse-up handler attached). */
  usableMs: number;
  /** Decoded (uncompressed) bytes of the HTML document plus every script. */
  htmlJsBytes: number;
  /** The same on the wire (compressed). */
  htmlJsTransferred: number;
}

export async function launchBrowser(): Promise<Browser | string> {
  const executablePath = fs.existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined;
  try {
    return await chromium.launch({ executablePath, args: LAUNCH_ARGS });
  } catch (error) {
    return `no browser (apt-get install -y chromium provides ${SYSTEM_CHROMIUM}): ${(error as Error).message.split("\n")[0]}`;
  }
}

export async function loadReviewPage(browser: Browser, url: string, cookie: string): Promise<PageLoad> {
  const { origin } = new URL(url);
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  try {
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const at = pair.indexOf("=");
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: origin };
      }),
    );
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit" });
    // Measured in the page: performance.now() counts from the navigation's start.
    const usable = await page.waitForFunction(
      () => {
        const text = document.querySelector('[role="grid"] [data-position] [data-cell-text]');
        if (!text) return false;
        const box = text.getBoundingClientRect();
        if (box.height === 0 || box.top >= window.innerHeight) return false;
        const propsKey = Object.keys(text).find((key) => key.startsWith("__reactProps$"));
        const props = propsKey ? (text as unknown as Record<string, { onMouseUp?: unknown }>)[propsKey] : null;
        return props && typeof props.onMouseUp === "function" ? performance.now() : false;
      },
      undefined,
      { polling: "raf", timeout: 60_000 },
    );
    const usableMs = (await usable.jsonValue()) as number;
    await page.waitForLoadState("load");
    const bytes = await page.evaluate(() => {
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      const scripts = (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).filter((entry) => entry.initiatorType === "script" || /\.m?js(\?|$)/.test(entry.name));
      return {
        decoded: navigation.decodedBodySize + scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
        encoded: navigation.encodedBodySize + scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
      };
    });
    return { usableMs, htmlJsBytes: bytes.decoded, htmlJsTransferred: bytes.encoded };
  } finally {
    await context.close();
  }
}
