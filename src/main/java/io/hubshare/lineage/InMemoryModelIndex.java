package io.hubshare.lineage;

import io.hubshare.domain.Model;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** {@link ModelIndex#of(Iterable)}: models in a hash map, by exact id. */
final class InMemoryModelIndex implements ModelIndex {
  private final Map<String, Model> byId = new HashMap<>();

  InMemoryModelIndex(Iterable<? extends Model> models) {
    for (Model m : models) byId.put(m.id(), m);
  }

  @Override
  public @Nullable Model find(String id) {
    return byId.get(Objects.requireNonNull(id, "id"));
  }

  @Override
  public String toString() {
    return "ModelIndex.of[" + byId.size() + " models]";
  }
}
