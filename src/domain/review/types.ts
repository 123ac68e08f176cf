// The annual partnership review (RULES.md section 5): what the bot stores and reasons about.
import type { CheckStatus } from '../criteria/index.ts';

/** The four questions the rep answers (001). */
export const QUESTIONS = [
  { id: 'reflects-community', title: 'Does the partnership currently reflect the community?' },
  { id: 'followed-policies', title: 'Has the partnership followed its own policies and procedures?' },
  { id: 'ethos-values', title: 'Has the partnership behaved in line with the ethos and values of Big Local?' },
  { id: 'coi-guidance', title: 'Does the partnership conform to Big Local’s conflicts of interest guidance?' },
] as const;
export type QuestionId = (typeof QUESTIONS)[number]['id'];
export const QUESTION_IDS: readonly string[] = QUESTIONS.map((q) => q.id);

export const CHOICES = ['yes', 'partly', 'no'] as const;
export type Choice = (typeof CHOICES)[number];
export const CHOICE_LABELS: Record<Choice, string> = { yes: 'Yes', partly: 'Partly', no: 'No' };

/** A member's answer to "are you still a member, and do you live in the area?" */
export const CONFIRM_CHOICES = ['resident', 'non-resident', 'left'] as const;
export type ConfirmChoice = (typeof CONFIRM_CHOICES)[number];

/** The longest comment, plan or timeline the rep may give (a form field's limit too). */
export const MAX_ANSWER = 3000;

/** Stored answers besides the four questions: the plan and timeline (when out of criteria), and the rep's check of the changes. */
export const PLAN = 'plan';
export const TIMELINE = 'timeline';
export const CHANGES_CONFIRMED = 'changes-confirmed';

export interface Confirmation {
  personId: string;
  year: number;
  /** what the member said about where they live */
  resident: boolean;
  /** false: they said they are no longer a member */
  member: boolean;
  confirmedAt: Date;
}

export interface Answer {
  question: string;
  choice: Choice | null;
  text: string;
  answeredById: string;
  updatedAt: Date;
}

export interface Submission {
  year: number;
  submittedAt: Date;
  submittedById: string | null;
  document: ReviewDocument;
}

/** This year's review as stored, and last year's submission for "what changed". */
export interface ReviewRecord {
  year: number;
  confirmations: Confirmation[];
  answers: Answer[];
  submission: Submission | null;
  lastYear: Submission | null;
  /** people with a chat account linked (they can be asked privately) */
  linked: string[];
  /** people whose confirmation request could not be delivered, after every attempt */
  unreachable: string[];
}

/** A decision of the year, as evidence for the questions (from the decision records, if any). */
export interface DecisionEvidence {
  number: number;
  title: string;
  kind: string;
  status: string;
  createdAt: Date;
  declarations: number;
  interestsDeclared: number;
  recusals: number;
  votes: number;
}

export interface DocumentMember {
  personId: string;
  name: string;
  role: string;
  /** as the member confirmed it, or the roster's when they have not */
  resident: boolean;
  rosterResident: boolean;
  /** ISO date of the membership confirmation, or null */
  confirmedOn: string | null;
  /** said they are no longer a member */
  leaving: boolean;
  /**
   * ISO date their signed membership form was recorded as signed, or null (absent in snapshots
   * kept before forms were recorded). The confirmation above is the yearly "I am still a member";
   * the form is the signed document 001 asks each member for.
   */
  formSignedOn?: string | null;
}

/** The review as exported and, once submitted, as kept for next year (JSON in ReviewSubmission). */
export interface ReviewDocument {
  version: 1;
  partnership: { name: string; slug: string };
  year: number;
  generatedOn: string;
  deadline: string;
  members: DocumentMember[];
  /** people on the roster who are not members (paid workers, the rep), with their role */
  others: { personId: string; name: string; role: string }[];
  questions: { id: string; title: string; choice: Choice | null; comment: string }[];
  criteria: {
    inCriteria: boolean;
    conformsToCoiGuidance: boolean;
    members: number;
    residents: number;
    headline: string;
    checks: { id: string; title: string; status: CheckStatus; message: string; fix?: string }[];
  };
  plan: string | null;
  timeline: string | null;
  /** "what changed since last year" (null: no review from last year on record) */
  changes: string[] | null;
  lastYear: number | null;
  decisions: { number: number; title: string; status: string; interestsDeclared: number; recusals: number }[];
  /** the local policies register, evidence for question 2 (absent from documents kept before it existed) */
  policies?: PolicyEvidence[];
}

/** A local policy as evidence for "has the partnership followed its own policies and procedures?" */
export interface PolicyEvidence {
  name: string;
  kind: string;
  /** ISO days */
  adoptedOn: string;
  reviewOn: string | null;
  link: string | null;
}

/** `skipped`: a nudge slot that passed with nothing to say (or while snoozed); it is not sent later. */
export type SendStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/** A row of ScheduledSend as the planner sees it. */
export interface SendRecord {
  key: string;
  kind: string;
  recipientId: string | null;
  status: SendStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
  /** a pending row being sent is claimed until then; null: never claimed (or an older version's claim, long expired) */
  claimedUntil: Date | null;
}
