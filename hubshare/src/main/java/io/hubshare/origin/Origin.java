package io.hubshare.origin;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who stands behind a hub account, and where.
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

  public Origin {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(kind, "kind");
  }

  /** The explicit unknown origin of an account the registry does not know. */
  public static Origin unknown(String account) {
    return new Origin(account, null, null, UNKNOWN_REGION, DeveloperKind.UNKNOWN, null);
  }

  /** Whether the registry knows this account. */
  public boolean isKnown() {
    return kind != DeveloperKind.UNKNOWN;
  }
}
