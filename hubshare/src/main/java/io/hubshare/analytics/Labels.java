package io.hubshare.analytics;

import io.hubshare.domain.Hub;
import java.util.Locale;
import java.util.Set;

/** Names for people of the keys a dimension produces. */
final class Labels {
  /** The country key of developers that are not based in one country. */
  static final String INTERNATIONAL = "XX";

  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

  private Labels() {}

  static String of(Dimension dimension, String key) {
    switch (dimension) {
      case COUNTRY: return countryName(key);
      case KIND: return capitalise(key);
      case RELATION: return capitalise(key);
      case HUB: return Hub.of(key).displayName();
      case SIZE: {
        SizeBucket b = SizeBucket.ofKey(key);
        return b == null ? key : b.label();
      }
      default: return key;
    }
  }

  /** The English name of an ISO 3166-1 alpha-2 code: {@code CN} → China; {@code XX} → International. */
  static String countryName(String code) {
    if (INTERNATIONAL.equals(code)) return "International";
    if (!ISO_COUNTRIES.contains(code)) return code;
    return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
