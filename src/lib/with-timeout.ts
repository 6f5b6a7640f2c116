/**
 * `p`, or a rejection `"<what> timed out after <ms> ms"` if it has not settled by then. The timer is
 * cleared as soon as either settles, so a fast promise leaves nothing behind to keep the process up.
 * `p` itself is not cancelled: the caller stops waiting for it.
 */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
