package io.hubshare;

import io.hubshare.domain.Account;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.transport.HubRequest;
import io.hubshare.transport.Transport;
import okhttp3.HttpUrl;

/**
 * {@link Accounts} over a {@link Transport}. The hub has no single account endpoint: a name is looked up as an
 * organisation first (most model owners that matter to download shares are organisations), then as a user.
 */
final class AccountsService implements Accounts {
  private final HubUrls urls;
  private final Transport transport;
  private final ClientCaches caches;
  private final Runnable openCheck;

  /** @param openCheck throws if the client was closed */
  AccountsService(HubUrls urls, Transport transport, ClientCaches caches, Runnable openCheck) {
    this.urls = urls;
    this.transport = transport;
    this.caches = caches;
    this.openCheck = openCheck;
  }

  @Override
  public Account get(String name) {
    HttpUrl organization = urls.organization(name);
    HttpUrl user = urls.user(name);
    openCheck.run();
    return caches.account(name, () -> {
      try {
        return WireDecoder.organization(transport.get(new HubRequest(organization, HubRequest.Kind.ACCOUNT, name, null)));
      } catch (RepositoryNotFoundException notAnOrganization) {
        try {
          return WireDecoder.user(transport.get(new HubRequest(user, HubRequest.Kind.ACCOUNT, name, null)));
        } catch (RepositoryNotFoundException notAUser) {
          throw new RepositoryNotFoundException("no organisation or user named '" + name + "'",
              notAUser.statusCode(), notAUser.errorCode(), notAUser.requestId(), notAUser.url(), notAUser);
        }
      }
    });
  }

  @Override
  public String toString() {
    return "Accounts[" + urls.endpoint() + "]";
  }
}
