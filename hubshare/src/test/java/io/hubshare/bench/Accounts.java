package io.hubshare.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hubshare.origin.DeveloperKind;
import io.hubshare.origin.Origin;
import io.hubshare.origin.OriginRegistry;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The accounts behind a stand-in's models, answered in the shape of the Hub's overviews
 * ({@code GET /api/organizations/{name}/overview}, {@code GET /api/users/{name}/overview}). Every owner of a listed
 * model is an account, matched ignoring case; it is an organisation when the bundled origin registry names an
 * organisation behind it (industry, academia, non-profit, government), else a user. {@code numModels} counts its
 * models in the listing; {@code fullname} is the registry's organisation, or the name. Nothing else is invented.
 */
final class Accounts {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> spelling = new HashMap<>();
  private final Map<String, Integer> models = new HashMap<>();
  private final OriginRegistry origins = OriginRegistry.bundled();

  Accounts(Listing listing) {
    for (int e = 0; e < listing.size(); e++) {
      String id = listing.id(e);
      String owner = id.substring(0, Math.max(0, id.indexOf('/')));
      if (owner.isEmpty()) continue;
      String key = owner.toLowerCase(Locale.ROOT);
      spelling.putIfAbsent(key, owner);
      models.merge(key, 1, Integer::sum);
    }
  }

  /** How many accounts own the listed models. */
  int size() {
    return spelling.size();
  }

  /** The organisation overview of {@code name}, or {@code null} when it is no organisation of the listing. */
  @Nullable String organization(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (!spelling.containsKey(key) || !isOrganization(spelling.get(key))) return null;
    Origin o = origins.of(spelling.get(key));
    ObjectNode n = JSON.createObjectNode();
    n.put("name", spelling.get(key));
    n.put("fullname", o.organization() != null ? o.organization() : spelling.get(key));
    n.put("numModels", models.get(key));
    return n.toString();
  }

  /** The user overview of {@code name}, or {@code null} when it is no user of the listing. */
  @Nullable String user(String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (!spelling.containsKey(key) || isOrganization(spelling.get(key))) return null;
    ObjectNode n = JSON.createObjectNode();
    n.put("user", spelling.get(key));
    n.put("fullname", spelling.get(key));
    n.put("numModels", models.get(key));
    n.put("type", "user");
    return n.toString();
  }

  private boolean isOrganization(String account) {
    DeveloperKind kind = origins.of(account).kind();
    return kind != DeveloperKind.INDIVIDUAL && kind != DeveloperKind.UNKNOWN;
  }
}
