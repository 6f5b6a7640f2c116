/** The HTTP client every outbound request goes through (fetcher and extractor alike). */
export type FetchOptions = {
  /** Accept header; defaults depend on the caller. */
  accept?: string;
  /** Conditional GET validators. */
  etag?: string | null;
  lastModified?: string | null;
  /** Overrides of the client's defaults for this request. */
  maxBytes?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /**
   * Politeness: at least this long between the start of the previous request to this host
   * and this one (robots.txt Crawl-delay). Honoured by the per-host limiter, when there is one.
   */
  minSpacingMs?: number;
};

export type FetchResult = {
  status: number;
  /** Final URL after redirects. */
  url: string;
  /** Set when the chain included a 301 or 308: where the resource now lives. */
  permanentRedirect: string | null;
  headers: Record<string, string>;
  /** True on 304: body is empty and nothing needs parsing. */
  notModified: boolean;
  /** Raw (decompressed) bytes. */
  body: Buffer;
  /** Body decoded to text with the detected charset. */
  text: string;
  charset: string;
  contentType: string | null;
};

export interface HttpClient {
  /**
   * GET with the client's safety rules. Resolves for 2xx and 304; throws a
   * PipelineError for everything else (status, network, timeout, too large, blocked address).
   */
  get(url: string, opts?: FetchOptions): Promise<FetchResult>;
}

export type FormPostResult = { status: number; headers: Record<string, string>; text: string };

/** POST of an application/x-www-form-urlencoded body through the same safety rules (WebSub hub requests). */
export interface FormPoster {
  /** Resolves for 2xx; throws a PipelineError for everything else (a 3xx included: redirects are not followed). */
  postForm(url: string, form: Record<string, string>, opts?: Pick<FetchOptions, 'timeoutMs' | 'signal'>): Promise<FormPostResult>;
}

export type HttpClientOptions = {
  userAgent?: string;
  timeoutMs?: number;
  connectTimeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Hosts or CIDRs let through the SSRF guard (e.g. "127.0.0.1/32", "localhost"). */
  allow?: string[];
  /** Turn the SSRF guard off entirely (never the default). */
  allowPrivate?: boolean;
};
