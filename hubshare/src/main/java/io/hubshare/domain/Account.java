package io.hubshare.domain;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A hub account's public overview. The Hub keeps no country or affiliation here: see {@code io.hubshare.origin}.
 *
 * <p>hubshare makes accounts from what a hub sends. To make one yourself, use {@link #builder(String, AccountType)};
 * the canonical constructor is not part of the compatible API, as it gains a parameter whenever a field the hubs send
 * is added.
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

  /**
   * For hubshare's readers of hub responses: not part of the compatible API (see the class comment); use
   * {@link #builder(String, AccountType)}.
   */
  public Account {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * A builder of an account with only its name and type: every other field is absent until set.
   *
   * @param name the account name
   * @param type organisation or user
   * @return a new builder
   */
  public static Builder builder(String name, AccountType type) {
    return new Builder(name, type);
  }

  /**
   * Whether the hub verified the organisation, or {@code fallback} when it did not say.
   *
   * @param fallback the value when absent
   * @return {@link #verified()} unboxed, or {@code fallback}
   */
  public boolean verifiedOr(boolean fallback) {
    return verified == null ? fallback : verified;
  }

  /**
   * Public models, or {@code fallback} when the hub did not say.
   *
   * @param fallback the value when absent
   * @return {@link #numModels()} unboxed, or {@code fallback}
   */
  public long numModelsOr(long fallback) {
    return numModels == null ? fallback : numModels;
  }

  /**
   * Followers, or {@code fallback} when the hub did not say.
   *
   * @param fallback the value when absent
   * @return {@link #numFollowers()} unboxed, or {@code fallback}
   */
  public long numFollowersOr(long fallback) {
    return numFollowers == null ? fallback : numFollowers;
  }

  @Override
  public String toString() {
    return "Account[" + name + ", " + type.name().toLowerCase(Locale.ROOT) + (fullName == null ? "" : ", \"" + fullName + "\"")
        + (numModels == null ? "" : ", models=" + numModels) + "]";
  }

  /** Makes an {@link Account} field by field; a field not set is absent, and {@code rawJson} is {@code {}}. */
  public static final class Builder {
    private final String name;
    private final AccountType type;
    private @Nullable String fullName;
    private @Nullable Boolean verified;
    private @Nullable Long numModels;
    private @Nullable Long numFollowers;
    private String rawJson = "{}";

    private Builder(String name, AccountType type) {
      this.name = Objects.requireNonNull(name, "name");
      this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * Sets {@link Account#fullName()}.
     *
     * @param fullName the display name, or {@code null}
     * @return this builder
     */
    public Builder fullName(@Nullable String fullName) {
      this.fullName = fullName;
      return this;
    }

    /**
     * Sets {@link Account#verified()}.
     *
     * @param verified whether the hub verified the organisation, or {@code null}
     * @return this builder
     */
    public Builder verified(@Nullable Boolean verified) {
      this.verified = verified;
      return this;
    }

    /**
     * Sets {@link Account#numModels()}.
     *
     * @param numModels public models, or {@code null}
     * @return this builder
     */
    public Builder numModels(@Nullable Long numModels) {
      this.numModels = numModels;
      return this;
    }

    /**
     * Sets {@link Account#numFollowers()}.
     *
     * @param numFollowers followers, or {@code null}
     * @return this builder
     */
    public Builder numFollowers(@Nullable Long numFollowers) {
      this.numFollowers = numFollowers;
      return this;
    }

    /**
     * Sets {@link Account#rawJson()}.
     *
     * @param rawJson the overview as the hub sent it
     * @return this builder
     */
    public Builder rawJson(String rawJson) {
      this.rawJson = Objects.requireNonNull(rawJson, "rawJson");
      return this;
    }

    /**
     * The account.
     *
     * @return a new account with the fields set so far
     */
    public Account build() {
      return new Account(name, type, fullName, verified, numModels, numFollowers, rawJson);
    }
  }
}
