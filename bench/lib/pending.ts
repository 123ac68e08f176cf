// The reason a full-server row is not measured on this branch, from what is actually present.
import type { Features } from './features.ts';

export function pendingReason(needs: { present: boolean; what: string }[], module: string): string {
  const missing = needs.filter((n) => !n.present).map((n) => n.what);
  if (missing.length) return `needs ${missing.join(' and ')}`;
  return `${needs.map((n) => n.what).join(' and ')} exist, but ${module} has no full-server scenario yet`;
}

export const slackVoteNeeds = (f: Features) => [
  { present: f.slack, what: 'the Slack adapter (issue 3)' },
  { present: f.votes, what: 'votes (issue 5)' },
];

export const teamsVoteNeeds = (f: Features) => [
  { present: f.teams, what: 'the Teams adapter (issue 4)' },
  { present: f.votes, what: 'votes (issue 5)' },
];
