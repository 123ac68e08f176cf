// Why a request could not be placed in a partnership (src/bot/context.ts, resolve), in words.

export const EXPLAIN: Record<'unbound' | 'unknown-person' | 'wrong-partnership', string> = {
  unbound:
    'This conversation is not linked to a Big Local partnership yet. The chair or the rep can link it by typing `/partnership setup <partnership>` here.',
  'unknown-person':
    'I don’t know who you are yet. Ask your chair or rep to add your email address to the roster, or to link you with `/partnership link`.',
  'wrong-partnership':
    'This conversation belongs to a partnership you are not on, so I can’t show you its details. Ask the chair or rep if you think you should be on its roster.',
};
