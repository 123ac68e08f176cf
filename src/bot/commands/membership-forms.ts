// `forms`: signed membership forms. The chair and the rep see who has none and record anyone's;
// a member sees and records their own (src/services/membership-forms.ts). Always private.
import type { Reply } from '../../domain/chat/reply.ts';
import * as service from '../../services/membership-forms.ts';
import type { FormRefusal } from '../../services/membership-forms.ts';
import { serviceDeps } from '../context.ts';
import { answerRefusal } from '../refused.ts';
import {
  formRecordedReply,
  formRefusalText,
  formsReply,
  membershipFormAgain,
  membershipFormForm,
} from '../views/membership-forms.ts';
import { privateText } from '../views/register.ts';
import { formValue } from './input.ts';
import type { ActionHandler, Command, FormHandler, ScopedContext } from './types.ts';
import { intent } from './types.ts';

const refusedWith = (ctx: ScopedContext, r: FormRefusal): Promise<Reply[]> =>
  r.code === 'not-permitted' || r.code === 'unknown-person'
    ? answerRefusal(ctx, r)
    : Promise.resolve([privateText(formRefusalText(r))]);

export const membershipFormActions: Record<string, ActionHandler> = {
  'membership-form.open': async (ctx, value) => {
    const found = service.startForm(serviceDeps(ctx.deps), ctx.scope, { personId: value });
    return found.ok
      ? [membershipFormForm(found.value, found.value.id === ctx.scope.person?.id)]
      : refusedWith(ctx, found.refusal);
  },
};

export const membershipFormForms: Record<string, FormHandler> = {
  'membership-form.record': async (ctx, values, context) => {
    const personId = context ?? '';
    const typed = { signedOn: formValue(values, 'signedOn'), reference: formValue(values, 'reference') };
    const saved = await service.recordForm(serviceDeps(ctx.deps), ctx.scope, { personId, ...typed });
    if (saved.ok)
      return [formRecordedReply(saved.value.person, saved.value.form, saved.value.person.id === ctx.scope.person?.id)];
    return saved.refusal.code === 'form-invalid'
      ? [membershipFormAgain(saved.refusal.person, saved.refusal.problems, typed)]
      : refusedWith(ctx, saved.refusal);
  },
};

export const forms: Command = {
  name: 'forms',
  aliases: ['form', 'membership-forms'],
  summary:
    'Signed membership forms: record yours; the chair and the rep see who has none and record anyone’s (private).',
  usage: 'forms [mine]',
  needsPartnership: true,
  intents: [intent(/\b(my) (?:signed )?membership form\b/i, /\b(?:signed )?membership forms?\b/i)],
  async run(ctx) {
    const mine = /^(?:my|mine|me)$/i.test(ctx.args.trim());
    const shown = service.viewForms(serviceDeps(ctx.deps), ctx.scope, { mine });
    return shown.ok ? [formsReply(shown.value)] : refusedWith(ctx, shown.refusal);
  },
};
