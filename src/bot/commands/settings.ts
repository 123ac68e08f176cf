// `/partnership settings [change | set key=value ...]`: any member reads every setting of the
// partnership with what it means and its default; the chair or the rep changes them in a form (or
// typed, `settings set quorum=6`). src/services/settings.ts checks the whole before the one write.
import { actorOf } from './types.ts';
import { serviceDeps } from '../context.ts';
import { textReply, type Reply } from '../../domain/chat/reply.ts';
import { changeSettings, settingsForChange, viewSettings, type SettingsRefusal } from '../../services/settings.ts';
import { answerRefusal } from '../refused.ts';
import {
  SETTINGS_CHANGE_ACTION,
  SETTINGS_CHANGE_FORM,
  SETTINGS_SET_USAGE,
  SETTINGS_UNKNOWN,
  settingsRefusedText,
  settingsReply,
  settingsSavedReply,
} from '../views/settings.ts';
import { formKey, settingsFormReply } from '../views/settings-form.ts';
import type { ActionHandler, Command, FormHandler, ScopedContext } from './types.ts';
import { intent } from './types.ts';

const interactive = (ctx: ScopedContext): boolean =>
  ctx.request.inbound.type === 'action' || ctx.request.inbound.type === 'form';

function refused(ctx: ScopedContext, error: SettingsRefusal): Promise<Reply[]> {
  if (error.code === 'settings-invalid') return Promise.resolve([textReply(settingsRefusedText(error.issues))]);
  if (error.code === 'unknown-person')
    return answerRefusal(ctx, error, interactive(ctx) ? undefined : SETTINGS_UNKNOWN);
  return answerRefusal(ctx, error);
}

async function show(ctx: ScopedContext): Promise<Reply[]> {
  const result = await viewSettings(serviceDeps(ctx.deps), actorOf(ctx));
  if (!result.ok) return refused(ctx, result.error);
  return [settingsReply(ctx.scope.partnership.name, result.value)];
}

function form(ctx: ScopedContext): Promise<Reply[]> {
  const result = settingsForChange(actorOf(ctx));
  if (!result.ok) return refused(ctx, result.error);
  return Promise.resolve([settingsFormReply(ctx.scope.partnership.name, result.value)]);
}

async function save(ctx: ScopedContext, changes: Record<string, string>): Promise<Reply[]> {
  const result = await changeSettings(serviceDeps(ctx.deps), actorOf(ctx), changes);
  if (!result.ok) return refused(ctx, result.error);
  return [settingsSavedReply(result.value)];
}

/** `quorum=6 ltoOrganisation="Northfield Trust"`: pairs as typed; null when a word is not key=value. */
export function typedPairs(text: string): Record<string, string> | null {
  const pairs: Record<string, string> = {};
  const rest = text.replace(/([\w.]+)\s*=\s*(?:"([^"]*)"|“([^”]*)”|(\S*))/g, (_m, key: string, a, b, c) => {
    pairs[key] = (a ?? b ?? c ?? '') as string;
    return '';
  });
  return rest.trim() === '' && Object.keys(pairs).length ? pairs : null;
}

export const settings: Command = {
  name: 'settings',
  summary: 'The partnership’s own rules (quorum, resident threshold, conflicts policy…), and changing them.',
  usage: 'settings [change | set quorum=6 …]',
  needsPartnership: true,
  intents: [intent(/^\s*(?:show |what are )?(?:our |the )?(?:partnership(?:'s)? )?settings\??\s*$/i)],
  async run(ctx) {
    const [word = '', ...rest] = ctx.args.trim().split(/\s+/);
    switch (word.toLowerCase()) {
      case '':
      case 'show':
        return show(ctx);
      case 'change':
      case 'edit':
        return form(ctx);
      case 'set': {
        const pairs = typedPairs(rest.join(' '));
        if (!pairs) return [textReply(SETTINGS_SET_USAGE)];
        return save(ctx, pairs);
      }
      default:
        return [textReply(SETTINGS_SET_USAGE)];
    }
  },
};

/** The form's values as typed: each field is one setting; day lists become text like the command line's. */
const saveForm: FormHandler = async (ctx, values) => {
  const changes: Record<string, string> = {};
  for (const [id, v] of Object.entries(values)) {
    const key = formKey(id);
    if (key) changes[key] = Array.isArray(v) ? v.join(',') : v;
  }
  const result = await changeSettings(serviceDeps(ctx.deps), actorOf(ctx), changes);
  if (result.ok) return [settingsSavedReply(result.value)];
  if (result.error.code !== 'settings-invalid') return refused(ctx, result.error);
  // the form again, each problem beside its setting, what was typed kept
  const { name, settings } = ctx.scope.partnership;
  return [settingsFormReply(name, settings, { issues: result.error.issues, typed: values })];
};

export const settingsActions: Record<string, ActionHandler> = { [SETTINGS_CHANGE_ACTION]: (ctx) => form(ctx) };
export const settingsForms: Record<string, FormHandler> = { [SETTINGS_CHANGE_FORM]: saveForm };
