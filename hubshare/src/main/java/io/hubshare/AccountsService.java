package io.hubshare;

import io.hubshare.domain.Account;
import io.hubshare.hub.ModelIds;
import io.hubshare.hub.Accounts;
import io.hubshare.internal.protocol.HubProtocol;
import io.hubshare.internal.transport.Transport;
import okhttp3.HttpUrl;

/** {@link Accounts} over a hub's protocol and a transport, cached. */
final class AccountsService implements Accounts {
  private final HubProtocol protocol;
  private final HttpUrl endpoint;
  private final Transport transport;
  private final ClientCaches caches;
  private final Runnable openCheck;

  /** @param openCheck throws if the client was closed */
  AccountsService(HubProtocol protocol, HttpUrl endpoint, Transport transport, ClientCaches caches,
      Runnable openCheck) {
    this.protocol = protocol;
    this.endpoint = endpoint;
    this.transport = transport;
    this.caches = caches;
    this.openCheck = openCheck;
  }

  @Override
  public Account get(String name) {
    ModelIds.requireAccount(name);
    openCheck.run();
    return caches.account(name, () -> protocol.account(transport, endpoint, name));
  }

  @Override
  public String toString() {
    return "Accounts[" + protocol.hub() + " at " + endpoint + "]";
  }
}
