package io.hubshare.domain;

/** Whether a hub account is an organisation or a user. */
public enum AccountType {
  ORGANIZATION,
  USER
}
