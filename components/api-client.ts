// Browser-side calls to /api/v1: the screens use the same API as pipelines.

export interface ApiError {
  code: string;
  message: string;
  details?: { current?: { text: string; revision: number }; [key: string]: unknown };
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: ApiError };

export async function callApi<T>(method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
    const json = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: json as T };
    return { ok: false, status: response.status, error: (json?.error as ApiError) ?? { code: "internal", message: response.statusText } };
  } catch (error) {
    return { ok: false, status: 0, error: { code: "network", message: error instanceof Error ? error.message : String(error) } };
  }
}
