// What a person is told when the inbox gives up on what they did (adapters/inbox/runner.ts).
/** After every attempt failed: nothing of it was recorded, so doing it again is safe. */
export const NOT_DONE =
  'Sorry: something you just did (a click, a form or a message to me) could not be recorded, even after trying again, so nothing of it was saved. Please do it once more; if it keeps failing, tell whoever runs this bot.';
