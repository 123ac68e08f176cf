// The signed Big Local partnership membership form (001: each member "signs a partnership
// membership form confirming that they are a member"). What a recorded form is, and the rules for
// the date and the reference typed for it. The messages here explain the rule they check.
import { fail, ok, type Problem, type Result } from './result.ts';
import { isMember, type MembershipForm, type Person, type Roster } from './roster.ts';

/** Big Local began in 2010: no partnership form is older. */
const EARLIEST = '2010-01-01';
export const REFERENCE_MAX = 500;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DAY = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

/** `today` is the partnership's local date (YYYY-MM-DD): a form cannot be signed after it. */
export function validateMembershipForm(
  input: { signedOn: string; reference?: string | undefined },
  today: string,
): Result<MembershipForm> {
  const problems: Problem[] = [];
  const typed = input.signedOn.trim();
  const uk = UK_DAY.exec(typed);
  const day = uk ? `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}` : typed;
  const parts = ISO_DAY.exec(day);
  const real =
    parts !== null &&
    (() => {
      const d = new Date(`${day}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
    })();
  if (!typed)
    problems.push({ where: 'date signed', message: 'is missing: give the day the form was signed, like 2026-09-14' });
  else if (!real)
    problems.push({
      where: 'date signed',
      message: `"${typed}" is not a date: write it as YYYY-MM-DD (2026-09-14) or DD/MM/YYYY (14/09/2026)`,
    });
  else if (day > today)
    problems.push({ where: 'date signed', message: `${day} is in the future: a form is recorded once it is signed` });
  else if (day < EARLIEST)
    problems.push({ where: 'date signed', message: `${day} is before Big Local began (2010): check the year` });
  const reference = input.reference?.trim() || undefined;
  if (reference && reference.length > REFERENCE_MAX)
    problems.push({
      where: 'reference',
      message: `must be at most ${REFERENCE_MAX} characters (a link or a filing reference)`,
    });
  if (reference && /[\r\n]/.test(reference))
    problems.push({ where: 'reference', message: 'must be one line: a link or a filing reference' });
  return problems.length ? fail(problems) : ok({ signedOn: day, ...(reference ? { reference } : {}) });
}

/** Members with no signed form recorded (paid workers and the rep sign none). */
export const membersWithoutForm = (roster: Roster): Person[] =>
  roster.people.filter((p) => isMember(p) && !p.membershipForm);
