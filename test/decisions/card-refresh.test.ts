// The card refresh interval (CARD_REFRESH_INTERVAL_MS): during a burst of votes a decision's card
// is redrawn at most once per interval, and the last redraw reads the newest state.
import { expect, it } from 'vitest';
import { coalescer } from '../../src/bot/notifications/coalescer.ts';

it('a burst shares one refresh at the end of the interval, which sees the newest value; other cards are not held up', async () => {
  // The coalescer's clock stands still, so each wait is the whole interval (a real timer): a busy
  // machine pausing the test between two lines cannot use up the interval before the burst.
  const cards = coalescer(() => 0);
  let value = 0;
  const seen: { key: string; value: number; at: number }[] = [];
  const job = (key: string) => async () => void seen.push({ key, value, at: performance.now() });
  const first = cards('d1', job('d1'), 80);
  await first; // drawn at once: nothing was drawn before
  const burst: Promise<void>[] = [];
  for (let i = 1; i <= 5; i++) {
    value = i;
    burst.push(cards('d1', job('d1'), 80));
  }
  const other = cards('d2', job('d2'), 80);
  await other;
  expect(seen.map((s) => s.key)).toEqual(['d1', 'd2']); // d2 did not wait for d1's interval
  await Promise.all(burst);
  const d1 = seen.filter((s) => s.key === 'd1');
  expect(d1.map((s) => s.value)).toEqual([0, 5]); // five changes, one redraw, with the last value
  expect(d1[1]!.at - d1[0]!.at).toBeGreaterThanOrEqual(75);
  expect(new Set(burst).size).toBe(1); // every caller waited for the same redraw
});

it('with no interval every change is drawn as soon as the previous drawing is done', async () => {
  const cards = coalescer();
  const drawn: number[] = [];
  for (let i = 0; i < 3; i++) await cards('d', async () => void drawn.push(i));
  expect(drawn).toEqual([0, 1, 2]);
});
