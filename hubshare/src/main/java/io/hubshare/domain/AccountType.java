package io.hubshare.domain;

/** Whether a hub account is an organisation or a user. */
public enum AccountType {
  /** An organisation: a company, a lab, a community. */
  ORGANIZATION,
  /** A person's account. */
  USER
}
