// What a card's buttons and forms send back, in one place: the renderer builds it, the inbound
// side parses it. Teams merges the inputs' values into the action's data, so our routing data
// sits under one key (`pb`) and inputs get ids prefixed `field.` so neither can clash.
import type { Field } from '../../../src/domain/chat/reply.ts';
import type { Inbound } from '../../../src/domain/chat/inbound.ts';
import type { ActionData } from './elements.ts';

export const ROUTE_KEY = 'pb';
export const FIELD_PREFIX = 'field.';

interface ActionRoute {
  kind: 'action';
  actionId: string;
  value: string;
}

interface FormRoute {
  kind: 'form';
  formId: string;
  context?: string;
  /** multiselect fields: Teams returns "a,b" */
  multi?: string[];
  /** datetime fields: sent as a date input and a time input, joined back here */
  datetime?: string[];
}

export const actionData = (actionId: string, value: string): ActionData => ({
  [ROUTE_KEY]: { kind: 'action', actionId, value } satisfies ActionRoute,
});

export function formData(formId: string, fields: Field[], context: string | undefined): ActionData {
  const route: FormRoute = { kind: 'form', formId };
  if (context !== undefined) route.context = context;
  const multi = fields.filter((f) => f.type === 'multiselect').map((f) => f.id);
  const datetime = fields.filter((f) => f.type === 'datetime').map((f) => f.id);
  if (multi.length) route.multi = multi;
  if (datetime.length) route.datetime = datetime;
  return { [ROUTE_KEY]: route };
}

export const inputId = (fieldId: string, part?: 'date' | 'time'): string =>
  `${FIELD_PREFIX}${fieldId}${part ? `.${part}` : ''}`;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * A card submission (Action.Submit's `value`, Action.Execute's `data`) as the core's inbound.
 * Null when it is not one of ours (an old card, another app's payload): the caller says so.
 */
export function parseSubmission(data: unknown): Extract<Inbound, { type: 'action' | 'form' }> | null {
  if (!isRecord(data)) return null;
  const route = data[ROUTE_KEY];
  if (!isRecord(route)) return null;
  if (route.kind === 'action' && typeof route.actionId === 'string') {
    return { type: 'action', actionId: route.actionId, value: str(route.value) };
  }
  if (route.kind !== 'form' || typeof route.formId !== 'string') return null;
  const multi = new Set(strings(route.multi));
  const datetime = new Set(strings(route.datetime));
  const values: Record<string, string | string[]> = {};
  for (const [key, raw] of Object.entries(data)) {
    if (!key.startsWith(FIELD_PREFIX)) continue;
    const id = key.slice(FIELD_PREFIX.length);
    if (multi.has(id))
      values[id] = str(raw)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (!datetime.has(id.replace(/\.(date|time)$/, ''))) values[id] = str(raw);
  }
  for (const id of datetime) {
    const date = str(data[inputId(id, 'date')]).trim();
    const time = str(data[inputId(id, 'time')]).trim();
    // The playground's datetime-local format: "2026-12-01T19:00"; empty when no date was picked.
    values[id] = date ? `${date}T${time || '00:00'}` : '';
  }
  return {
    type: 'form',
    formId: route.formId,
    values,
    context: typeof route.context === 'string' ? route.context : undefined,
  };
}
