import type { Actor } from "./actor";
import { TooLargeError, UnsupportedMediaTypeError, ValidationError } from "./errors";
import { errorAnswer, JSON_ANSWER, jsonResponse, type JsonAnswer } from "./http";
import { assertSameOrigin } from "./origin";
import { getActor } from "./session";
import { maxBodyBytes } from "./upload-limit";

export { maxBodyBytes };

/** A JSON body within the size limit; 415, 413 or 400 otherwise. An empty body is `{}`. */
export async function readJson(request: Request): Promise<unknown> {
  const limit = maxBodyBytes();
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw new TooLargeError(limit);
  const raw = await request.text();
  if (raw.trim() === "") return {};
  const type = request.headers.get("content-type");
  if (!type || !/^application\/json\b/i.test(type)) throw new UnsupportedMediaTypeError(type);
  if (Buffer.byteLength(raw) > limit) throw new TooLargeError(limit);
  try {
    return JSON.parse(raw);
  } catch {
    throw new ValidationError("the body is not valid JSON");
  }
}

/** A raw upload within the size limit, of one of the accepted content types (415 otherwise). */
export async function readBody(request: Request, accepted: string[]): Promise<Uint8Array> {
  const limit = maxBodyBytes();
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw new TooLargeError(limit);
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!accepted.includes(type)) throw new UnsupportedMediaTypeError(type || null, accepted);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > limit) throw new TooLargeError(limit);
  return bytes;
}

type Context<P> = { params: Promise<P> };

export type ApiHandler<P> = ((request: Request, context: Context<P>) => Promise<Response>) & {
  [JSON_ANSWER]: (request: Request, context: Context<P>) => Promise<JsonAnswer>;
};

/**
 * Wraps a /api/v1 handler: refuses cross-site writes, resolves the caller
 * (session or bearer token), runs the lib/server call and maps domain errors
 * to HTTP in one place.
 */
export function apiRoute<P>(run: (input: { request: Request; actor: Actor | null; params: P }) => Promise<unknown>, status = 200): ApiHandler<P> {
  const answer = async (request: Request, context: Context<P>): Promise<JsonAnswer> => {
    try {
      assertSameOrigin(request);
      const actor = await getActor(request.headers);
      return { status, body: await run({ request, actor, params: await context.params }) };
    } catch (error) {
      return errorAnswer(error);
    }
  };
  const handler = async (request: Request, context: Context<P>): Promise<Response> => {
    const { body, ...init } = await answer(request, context);
    return jsonResponse(body, init);
  };
  return Object.assign(handler, { [JSON_ANSWER]: answer });
}
