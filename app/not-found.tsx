import { redirect } from "next/navigation";

// Paths outside every locale never reach next-intl; the proxy prefixes them, so land on the start page.
export default function GlobalNotFound() {
  redirect("/");
}
