/** RFC 9457 problem details, as every EcoTrack error answers. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: unknown;
  [extension: string]: unknown;
}

export class ProblemError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `request failed with ${status}`);
    this.name = "ProblemError";
    this.status = status;
    this.problem = problem;
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ProblemError && error.status === 404;
}

/** The problem in a failed answer, or a plain one when the body is not a problem. */
export async function problemOf(response: Response): Promise<ProblemError> {
  let problem: Problem = { status: response.status, title: response.statusText };
  try {
    const body: unknown = await response.clone().json();
    if (body && typeof body === "object") problem = body as Problem;
  } catch {
    // Not JSON (a proxy's HTML page, say): the status line is all there is.
  }
  return new ProblemError(response.status, problem);
}

/** A message a person can act on, for any error a query or mutation raises. */
export function messageOf(error: unknown): string {
  if (error instanceof ProblemError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
