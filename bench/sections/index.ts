// The benchmark's sections, in the order of issue 9's list. Each is a separate module; a new
// measurement is a new Section (or a new Scenario inside one) registered here.
import type { Section } from '../report.ts';
import { cliStart } from './cli-start.ts';
import { crashBurst } from './crash-burst.ts';
import { domainChecks } from './domain-checks.ts';
import { durableFloors } from './durable-floors.ts';
import { queriesPerInteraction } from './queries.ts';
import { reviewSweep } from './review-sweep.ts';
import { slackVote } from './slack-vote.ts';
import { teamsInvoke } from './teams-invoke.ts';

export const SECTIONS: Section[] = [
  slackVote,
  teamsInvoke,
  domainChecks,
  reviewSweep,
  queriesPerInteraction,
  durableFloors,
  crashBurst,
  cliStart,
];
