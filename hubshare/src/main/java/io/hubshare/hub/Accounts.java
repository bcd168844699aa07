package io.hubshare.hub;


import io.hubshare.domain.Account;

/** Hub accounts. Obtain it from {@code HubClient.accounts()}. */
public interface Accounts {

  /**
   * The overview of an organisation or a user, telling which.
   *
   * @throws io.hubshare.error.RepositoryNotFoundException if no such account exists
   */
  Account get(String name);
}
