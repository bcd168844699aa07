package io.hubshare.origin;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who stands behind a hub account, and where.
 *
 * <p>hubshare makes origins from its registry's CSV. To make one yourself, use {@link #builder(String)}; the
 * canonical constructor is not part of the compatible API, as it gains a parameter whenever an origin gains a field.
 *
 * @param account the hub account, as in model ids
 * @param organization the developer's display name ({@code "Alibaba"} for {@code Qwen}); {@code null} if unknown
 * @param country ISO 3166-1 alpha-2 code ({@code CN}, {@code US}); {@code null} if unknown or not one country
 * @param region the region of the country ({@code China}, {@code United States}, {@code Europe}…), from data
 * @param kind the developer kind
 * @param source where the attribution comes from: a URL or a precise reference; {@code null} only if unknown
 */
public record Origin(
    String account,
    @Nullable String organization,
    @Nullable String country,
    String region,
    DeveloperKind kind,
    @Nullable String source) {

  /** The region name of everything the registry does not know. */
  public static final String UNKNOWN_REGION = "Unknown";

  /** For hubshare's registry: not part of the compatible API (see the class comment); use {@link #builder}. */
  public Origin {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * The explicit unknown origin of an account the registry does not know.
   *
   * @param account the hub account
   * @return an origin of kind {@link DeveloperKind#UNKNOWN} in the region {@value #UNKNOWN_REGION}
   */
  public static Origin unknown(String account) {
    return new Origin(account, null, null, UNKNOWN_REGION, DeveloperKind.UNKNOWN, null);
  }

  /**
   * A builder of the origin of {@code account}: unknown (region {@value #UNKNOWN_REGION}, kind
   * {@link DeveloperKind#UNKNOWN}, no organisation, country or source) until set.
   *
   * @param account the hub account, as in model ids
   * @return a new builder
   */
  public static Builder builder(String account) {
    return new Builder(account);
  }

  /**
   * Whether the registry knows this account.
   *
   * @return false for an origin of kind {@link DeveloperKind#UNKNOWN}
   */
  public boolean isKnown() {
    return kind != DeveloperKind.UNKNOWN;
  }

  /** Makes an {@link Origin} field by field. */
  public static final class Builder {
    private final String account;
    private @Nullable String organization;
    private @Nullable String country;
    private String region = UNKNOWN_REGION;
    private DeveloperKind kind = DeveloperKind.UNKNOWN;
    private @Nullable String source;

    private Builder(String account) {
      this.account = Objects.requireNonNull(account, "account");
    }

    /**
     * Sets {@link Origin#organization()}.
     *
     * @param organization the developer's display name, or {@code null}
     * @return this builder
     */
    public Builder organization(@Nullable String organization) {
      this.organization = organization;
      return this;
    }

    /**
     * Sets {@link Origin#country()}.
     *
     * @param country an ISO 3166-1 alpha-2 code, or {@code null}
     * @return this builder
     */
    public Builder country(@Nullable String country) {
      this.country = country;
      return this;
    }

    /**
     * Sets {@link Origin#region()}.
     *
     * @param region the region's name
     * @return this builder
     */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * Sets {@link Origin#kind()}.
     *
     * @param kind the developer kind
     * @return this builder
     */
    public Builder kind(DeveloperKind kind) {
      this.kind = Objects.requireNonNull(kind, "kind");
      return this;
    }

    /**
     * Sets {@link Origin#source()}.
     *
     * @param source a URL or a precise reference, or {@code null}
     * @return this builder
     */
    public Builder source(@Nullable String source) {
      this.source = source;
      return this;
    }

    /**
     * The origin.
     *
     * @return a new origin with the fields set so far
     */
    public Origin build() {
      return new Origin(account, organization, country, region, kind, source);
    }
  }
}
