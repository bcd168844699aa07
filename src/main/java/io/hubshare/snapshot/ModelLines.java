package io.hubshare.snapshot;

import io.hubshare.domain.Model;
import io.hubshare.hf.HfModels;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** How model lines become {@link Model}s: each hub's own wire-format parser, so a line reads as the hub sent it. */
final class ModelLines {
  /** The hubs whose snapshots this version reads, for messages. */
  static final String HUBS = "huggingface";

  private ModelLines() {}

  /** The parser for snapshots of {@code hub} (the header's {@code hub} field), or {@code null} if none. */
  static @Nullable Function<String, Model> forHub(String hub) {
    return "huggingface".equals(hub) ? HfModels::parse : null;
  }
}
