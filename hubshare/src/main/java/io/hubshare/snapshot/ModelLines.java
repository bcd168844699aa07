package io.hubshare.snapshot;

import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.internal.protocol.HubProtocol;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** How model lines become {@link Model}s: each hub's own wire-format parser, so a line reads as the hub sent it. */
final class ModelLines {
  private ModelLines() {}

  /** The hubs whose snapshots this version reads, for messages. */
  static String hubs() {
    return HubProtocol.available().stream().map(Hub::name).collect(Collectors.joining(", "));
  }

  /** The parser for snapshots of {@code hub} (the header's {@code hub} field), or {@code null} if none. */
  static @Nullable Function<String, Model> forHub(String hub) {
    for (Hub h : HubProtocol.available()) {
      if (h.name().equals(hub)) return HubProtocol.of(h)::readStored;
    }
    return null;
  }
}
