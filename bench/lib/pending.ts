// The reason a row is not measured, from what is actually missing; never a made-up number.
export function pendingReason(needs: { present: boolean; what: string }[], module: string): string {
  const missing = needs.filter((n) => !n.present).map((n) => n.what);
  if (missing.length) return `needs ${missing.join(' and ')}`;
  return `${needs.map((n) => n.what).join(' and ')} exist, but ${module} has no full-server scenario yet`;
}
