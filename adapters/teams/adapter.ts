// botbuilder's CloudAdapter, with its turn entry point reachable from receive.ts.
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';

/**
 * CloudAdapter with its turn entry point reachable: receive.ts authenticates the request itself
 * (to tell a bad token from an outage) and hands over the result, as CloudAdapter.process would.
 */
export class TeamsAdapter extends CloudAdapter {
  run(
    identity: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(identity, activity, logic);
  }
}
