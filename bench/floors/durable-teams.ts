// The durable CloudAdapter floor: per adaptiveCard/action invoke, one upsert in one transaction on
// SQLite (WAL, synchronous = FULL), then the answer in the invoke's HTTP response. The least a
// durable Teams vote or declaration can cost; compared with the full server in the same run
// (bench/sections/durable-floors.ts). Run in its own process.
import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type TurnContext,
} from 'botbuilder';
import { clickOf, clickTableFromEnv } from './click-table.ts';
import { serveBot } from './teams-http.ts';

const table = clickTableFromEnv();

class DurableBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const data = value.action.data as { pb?: { actionId?: string; value?: string } };
    const person = context.activity.from.aadObjectId ?? context.activity.from.id;
    table.record(clickOf(data.pb?.actionId ?? value.action.verb, data.pb?.value ?? '', person)); // on disk before the answer
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Recorded.' as unknown as Record<string, unknown>,
    };
  }
}

serveBot(new DurableBot());
