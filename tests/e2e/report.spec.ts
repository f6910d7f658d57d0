import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

test("the report of an imported MQM file shows the scorecard, the charts and the worst segments", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/en/articles/news-1");
  await page.getByRole("link", { name: "MQM report" }).click();
  await expect(page.getByRole("heading", { name: "MQM report", level: 1 })).toBeVisible();

  const scorecard = page.getByRole("table", { name: "MQM score per version" });
  await expect(scorecard.getByRole("row")).toHaveCount(3);
  await expect(scorecard.getByRole("row").nth(1)).toContainText("sysB");
  await expect(scorecard.getByRole("row").nth(1)).toContainText("0.500");
  await expect(scorecard.getByRole("row").nth(2)).toContainText("2.033");

  // Bars carry their values as text, so the chart reads without colour.
  const chart = page.getByRole("img", { name: "MQM score per version (lower is better)" });
  await expect(chart.locator('[data-bar="sysA (de)"]')).toContainText("2.033");
  // Categories read level by level, with the MQM code beside them in the table.
  await expect(page.getByRole("img", { name: "Penalty points per category" })).toContainText("Accuracy › Mistranslation");
  await expect(page.locator("[data-breakdown]")).toContainText("Fluency › Punctuation");
  await expect(page.locator("[data-breakdown]")).toContainText("Fluency/Punctuation");

  await page.getByRole("link", { name: "sysA, position 1: 5.1 penalty points" }).click();
  await expect(page).toHaveURL(/\/en\/articles\/news-1\?page=1#pos-1$/);
  await expect(page.locator('tr#pos-1 td[data-lang="de"]').first()).toBeVisible();
});

test("the systems page scores every system over all imported docs", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.getByRole("link", { name: "Scores" }).click();
  const table = page.getByRole("table", { name: "MQM score per system over all articles" });
  await expect(table.locator('[data-system="sysA"]')).toContainText("7.775");
  await expect(table.locator('[data-system="sysB"]')).toContainText("0.667");
});

test("the report page downloads the annotations as WMT MQM TSV", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/en/articles/news-1/report");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the annotations as WMT MQM TSV" }).click()]);
  expect(download.suggestedFilename()).toBe("news-1.mqm.tsv");
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  expect(text.split("\n")[0]).toBe("system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity\tcomment");
  expect(text).toContain("Die <v>Hund</v> saß auf der Matte.\tAccuracy/Mistranslation\tMajor");
});

test("the report explains the error weights in the reader's number format", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/en/articles/news-1/report");
  await expect(page.getByText("Scores follow WMT")).toContainText("minor punctuation 0.1, non-translation 25");
  await page.goto("/de/articles/news-1/report");
  await expect(page.getByText("Die Scores folgen WMT")).toContainText("geringfügige Zeichensetzung 0,1");
});

test("the report and the systems page show figures and categories in the reader's language", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/de/articles/news-1/report");
  const scorecard = page.locator("[data-scorecard]");
  await expect(scorecard.locator('[data-system="sysB"]')).toContainText("0,500");
  await expect(scorecard.locator('[data-system="sysA"]')).toContainText("2,033");
  await expect(page.locator("[data-breakdown]")).toContainText("Flüssigkeit › Zeichensetzung");
  await expect(page.locator("[data-breakdown]")).not.toContainText("0.");
  await page.goto("/de/report");
  await expect(page.locator('[data-scorecard] [data-system="sysA"]')).toContainText("7,775");
  await expect(page.locator("[data-chart]").first()).toContainText("7,775");
});
