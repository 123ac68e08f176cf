// botbuilder builds a new ConnectorClient and a new UserTokenClient (each with its own HTTP
// pipeline) for every activity: about a tenth of the CPU of a card click. They hold nothing of the
// turn, only the bot's credentials and the service's address, so they are built once per
// (app id, serviceUrl, audience) and reused, as botbuilder's older BotFrameworkAdapter did.
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  ConnectorFactory,
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** A bound on each cache: a Teams bot talks to a handful of service URLs. */
const MAX_CLIENTS = 32;

function remembered<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const known = cache.get(key);
  if (known) return known;
  const made = make();
  // a failure (an outage fetching credentials) is not remembered: the next turn tries again
  made.catch(() => cache.delete(key));
  if (cache.size >= MAX_CLIENTS) cache.delete(cache.keys().next().value!);
  cache.set(key, made);
  return made;
}

const appIdOf = (identity: ClaimsIdentity) => JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '';

class ReusedConnectors extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly cache: Map<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = JSON.stringify([this.appId, serviceUrl, audience ?? null]);
    return remembered(this.cache, key, () => this.inner.create(serviceUrl, audience));
  }
}

export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokens = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    const appId = appIdOf(result.claimsIdentity);
    return { ...result, connectorFactory: new ReusedConnectors(result.connectorFactory, appId, this.connectors) };
  }

  /** Proactive sends (continueConversation: a private answer, a card update, a nudge) too. */
  override createConnectorFactory(identity: ClaimsIdentity): ConnectorFactory {
    return new ReusedConnectors(super.createConnectorFactory(identity), appIdOf(identity), this.connectors);
  }

  override createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    return remembered(this.userTokens, appIdOf(identity), () => super.createUserTokenClient(identity));
  }
}
