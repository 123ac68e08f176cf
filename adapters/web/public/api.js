// The playground's JSON API (adapters/web/api.ts), with every failure turned into a message a
// person can act on.
const BASE = '/playground/api';

/** @returns {Promise<{ok: true, data: any} | {ok: false, status: number, message: string}>} */
export async function call(method, path, body) {
  let res;
  try {
    res = await fetch(BASE + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: 'The playground server is not answering. Is `npm start` still running?' };
  }
  let data = null;
  try {
    data = await res.json();
  } catch {
    data = null;
  }
  if (!res.ok) return { ok: false, status: res.status, message: data?.message ?? `The server answered ${res.status}.` };
  return { ok: true, data };
}

/** A fresh id per click or submission, so the server never does the same thing twice. */
export const freshId = () =>
  [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
