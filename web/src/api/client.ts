/** The typed client of the public API, generated from the gateway's merged OpenAPI. */
import createClient, { type Middleware } from "openapi-fetch";
import { validAccessToken } from "../auth/session";
import { type Problem, problemOf, ProblemError } from "./problem";
import type { paths } from "./schema";

const bearer: Middleware = {
  async onRequest({ request }) {
    const token = await validAccessToken();
    if (token) request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? "" });
api.use(bearer);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The answer's data, or a ProblemError carrying the RFC 9457 problem the API sent. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) {
    if (error && typeof error === "object") throw new ProblemError(response.status, error as Problem);
    throw await problemOf(response);
  }
  return data as T;
}

/** A file the API answers (CSV, XLSX, PDF), fetched with the session's token. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const token = await validAccessToken();
  const response = await fetch(path, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw await problemOf(response);
  const blob = await response.blob();
  const disposition = response.headers.get("Content-Disposition") ?? "";
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  saveBlob(blob, name);
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
