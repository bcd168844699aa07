package io.hubshare.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A hub account's public overview. The Hub keeps no country or affiliation here: see {@code io.hubshare.origin}.
 *
 * @param name the account name, as in model ids
 * @param type organisation or user
 * @param fullName the display name
 * @param verified whether the hub verified the organisation (organisations only)
 * @param numModels public models
 * @param numFollowers followers
 * @param rawJson the overview exactly as the hub sent it
 */
public record Account(
    String name,
    AccountType type,
    @Nullable String fullName,
    @Nullable Boolean verified,
    @Nullable Long numModels,
    @Nullable Long numFollowers,
    String rawJson) {

  public Account {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  @Override
  public String toString() {
    return "Account[" + name + ", " + type.name().toLowerCase() + (fullName == null ? "" : ", \"" + fullName + "\"")
        + (numModels == null ? "" : ", models=" + numModels) + "]";
  }
}
