package io.hubshare.lineage;

import io.hubshare.domain.Model;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@link ModelIndex#of(Iterable)}: models in a hash map, by id ignoring case (as the Hub resolves ids). */
final class InMemoryModelIndex implements ModelIndex {
  private final Map<String, Model> byId = new HashMap<>();

  InMemoryModelIndex(Iterable<? extends Model> models) {
    for (Model m : models) byId.put(m.id().toLowerCase(Locale.ROOT), m);
  }

  @Override
  public @Nullable Model find(String id) {
    return byId.get(Objects.requireNonNull(id, "id").toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return "ModelIndex.of[" + byId.size() + " models]";
  }
}
