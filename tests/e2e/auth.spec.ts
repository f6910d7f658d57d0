import { expect, test } from "@playwright/test";
import { signIn, testUser } from "./fixtures";

test("an anonymous visitor is sent to sign-in, and back to the page after signing in", async ({ page }) => {
  await page.goto("/en/articles/openai-talent-exodus");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
  await expect(page.getByRole("heading", { name: "Sign in to Verso" })).toBeVisible();

  const user = testUser("reviewer");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/en\/articles\/openai-talent-exodus$/);
});

test("a wrong password shows an error and no session", async ({ page }) => {
  const user = testUser("editor");
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await page.goto("/en");
  await expect(page).toHaveURL(/\/en\/sign-in/);
});

test("a reviewer signs in, sees the demo article on the dashboard, and signs out", async ({ page }) => {
  await signIn(page, "reviewer");
  await expect(page.getByRole("heading", { name: "Articles", level: 1 })).toBeVisible();
  const article = page.getByRole("link", { name: /Open OpenAI faces multiple challenges/ });
  await expect(article).toBeVisible();
  const versions = page.getByRole("table", { name: /Versions of OpenAI faces/ });
  await expect(versions.getByRole("row")).toHaveCount(8);
  await expect(versions.getByRole("row", { name: /published MT/ })).toContainText("38");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/en\/sign-in/);
  await page.goto("/en");
  await expect(page).toHaveURL(/\/en\/sign-in/);
});

test("failed sign-ins are rate-limited, in the form and at the auth API", async ({ page, request }) => {
  const user = testUser("locked");
  await page.goto("/en/sign-in");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(`wrong password ${attempt}`);
    // Each attempt must reach the server before the next one starts; the message looks the same every time.
    const answered = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: "Sign in" }).click();
    await answered;
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
    // The form resets its password field once React has committed the answer; filling earlier loses the text.
    await expect(page.getByLabel("Password")).toHaveValue("");
  }
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/^Too many failed sign-ins\. Try again in \d+ minutes?\.$/);
  await expect(page).toHaveURL(/\/en\/sign-in/);

  const direct = await request.post("/api/auth/sign-in/email", { data: { email: user.email, password: user.password } });
  expect(direct.status()).toBe(429);
});
