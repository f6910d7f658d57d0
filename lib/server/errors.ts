/**
 * Typed domain errors. Each maps to one HTTP status (lib/server/http.ts) and to
 * one translated UI message key (errors.<code> in locales/*.json).
 */
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid"
  | "conflict"
  | "too_large"
  | "unsupported_format"
  | "rate_limited"
  /** The database's write lock stayed taken (SQLite's single writer): retry shortly. */
  | "busy";

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = "sign-in required") {
    super("unauthenticated", message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("forbidden", message, details);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("not_found", message, details);
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("invalid", message, details);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super("conflict", message, details);
  }
}

export class RateLimitedError extends DomainError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super("rate_limited", message, { retryAfterSeconds });
  }
}

export class TooLargeError extends DomainError {
  constructor(limitBytes: number, file?: { file: string; sizeBytes: number }) {
    const limit = `the limit of ${Math.round(limitBytes / 1_048_576)} MB`;
    super(
      "too_large",
      file ? `${file.file}: the file is ${(file.sizeBytes / 1_048_576).toFixed(1)} MB, larger than ${limit} (VERSO_MAX_UPLOAD_MB)` : `the request is larger than ${limit}`,
      { limitBytes, ...file },
    );
  }
}

export class UnsupportedMediaTypeError extends DomainError {
  constructor(received: string | null, expected = ["application/json"]) {
    super("unsupported_format", `unsupported Content-Type ${received || "(none)"}; send ${expected.join(" or ")}`, { received, expected });
  }
}

/** A format name (export or import) that Verso does not know: 415. */
export class UnknownFormatError extends DomainError {
  constructor(kind: "export" | "import", received: string | null, known: readonly string[]) {
    super("unsupported_format", `unknown ${kind} format ${received ? `"${received}"` : "(none)"}; use one of ${known.join(", ")}`, {
      received,
      expected: [...known],
      field: "format",
    });
  }
}
