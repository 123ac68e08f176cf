// Dates and times on the page the way every reply says them (docs/house-style.md): "Fri 4 Dec, 5pm",
// in England's time whatever the browser's zone. The same wording as src/domain/when-words.ts.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const PARTS = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});

/** "Fri 4 Dec, 5pm", or "Fri 4 Dec 2026, 5:30pm" with the year. */
export function whenWords(date, { year = false } = {}) {
  const p = Object.fromEntries(PARTS.formatToParts(date).map((x) => [x.type, x.value]));
  const h = Number(p.hour) % 24;
  const hour = h % 12 === 0 ? 12 : h % 12;
  const minutes = Number(p.minute) ? `:${String(p.minute).padStart(2, '0')}` : '';
  const weekday = String(p.weekday).slice(0, 3);
  const day = `${weekday} ${Number(p.day)} ${MONTHS[Number(p.month) - 1]}${year ? ` ${p.year}` : ''}`;
  return `${day}, ${hour}${minutes}${h < 12 ? 'am' : 'pm'}`;
}
