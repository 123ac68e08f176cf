// The bare CloudAdapter floor: botbuilder's CloudAdapter (no app id: unauthenticated, as in the
// Bot Framework Emulator) on node:http, answering an adaptiveCard/action invoke with an echo.
// The floor the full server's Teams vote is compared with. Run in its own process.
import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import { serveBot } from './teams-http.ts';

class EchoBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(
    _context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: `echo: ${value.action.verb}` as unknown as Record<string, unknown>,
    };
  }
}

serveBot(new EchoBot());
