// A form sent back because what was typed has problems: each problem goes beside the field it is
// about, so the person sees it where they are looking (a Slack modal's field error, a line under
// the Teams input, a line under the playground's field); what was typed stays filled in. A rule
// names its field by label ("Title", "Kind of interest") or id ("closes"); a problem that names no
// field of the form stays at the top of the form.
import type { Form } from '../../domain/chat/reply.ts';
import { formatProblems, type Problem } from '../../domain/result.ts';

/** Leads a form sent back with problems: each is shown beside its field. */
export const FIX = 'Please fix what is marked on the form and send it again; what you typed is kept.';

const sentence = (text: string): string => {
  const t = text.trim();
  return t ? `${t[0]!.toUpperCase()}${t.slice(1)}` : t;
};

function fieldFor(form: Form, where: string) {
  const w = where.trim().toLowerCase();
  if (!w) return undefined;
  return form.fields.find((f) => {
    const label = f.label.toLowerCase();
    return f.id.toLowerCase() === w || label === w || label.startsWith(`${w} `);
  });
}

export function withProblems(form: Form, problems: readonly Problem[]): Form {
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const p of problems) {
    const field = fieldFor(form, p.where);
    if (field) byField.set(field.id, [...(byField.get(field.id) ?? []), sentence(p.message)]);
    else general.push(formatProblems([p]));
  }
  return {
    ...form,
    fields: form.fields.map((f) => (byField.has(f.id) ? { ...f, error: byField.get(f.id)!.join(' ') } : f)),
    ...(general.length ? { problems: general } : {}),
  };
}
