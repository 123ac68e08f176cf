// A form sent back because what was sent has problems: the values as sent fill its fields again
// (over the form's own starting values, an emptied field staying empty), and each problem goes
// beside its field or at the top of the form (form-problems.ts).
import type { Form } from '../../domain/chat/reply.ts';
import type { Problem } from '../../domain/result.ts';
import { withProblems } from './form-problems.ts';

/** What a form sent, by field id: text, or a multi-select's choices. */
export type Typed = Readonly<Record<string, string | readonly string[] | undefined>>;

export function keepTyped(form: Form, typed: Typed): Form {
  return {
    ...form,
    fields: form.fields.map((f) => {
      const v = typed[f.id];
      if (v === undefined) return f;
      // a multi-select's starting value is its choices joined by commas
      return { ...f, initial: typeof v === 'string' ? v : v.join(',') };
    }),
  };
}

/** The form again: what was sent kept, each problem beside its field. */
export const formAgain = (form: Form, problems: readonly Problem[], typed: Typed): Form =>
  withProblems(keepTyped(form, typed), problems);
