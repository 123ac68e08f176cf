// Bot Connector calls that fail with 429 (throttled) or a 5xx are tried again a few times with
// a growing pause. The SDK's own pipeline already retries 5xx, and 429 only when Teams sends a
// Retry-After header; this covers the rest. Other failures (403: the bot was removed) are final.

export interface RetryOptions {
  attempts?: number;
  /** first pause; doubled after each failure */
  delayMs?: number;
}

const retryable = (error: unknown): boolean => {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && (status === 429 || status >= 500);
};

export async function withRetry<T>(
  send: () => Promise<T>,
  { attempts = 3, delayMs = 250 }: RetryOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** (attempt - 1)));
    }
  }
}
