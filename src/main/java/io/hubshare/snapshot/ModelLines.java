package io.hubshare.snapshot;

import io.hubshare.domain.Model;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** How model lines become {@link Model}s: each hub's own wire-format parser, so a line reads as the hub sent it. */
final class ModelLines {
  /** The hubs whose snapshots this version reads, for messages. */
  static final String HUBS = "huggingface";

  /** Parses one model object as the Hugging Face Hub sends it in listings. */
  static final Function<String, Model> HUGGING_FACE = line -> {
    throw new UnsupportedOperationException("the Hugging Face wire-format parser is not available yet");
  };

  private ModelLines() {}

  /** The parser for snapshots of {@code hub} (the header's {@code hub} field), or {@code null} if none. */
  static @Nullable Function<String, Model> forHub(String hub) {
    return "huggingface".equals(hub) ? HUGGING_FACE : null;
  }
}
