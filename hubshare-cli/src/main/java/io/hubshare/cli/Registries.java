package io.hubshare.cli;

import io.hubshare.origin.OriginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The origin registry a command uses: the bundled one, with the user's file on top when one is given. */
final class Registries {
  private Registries() {}

  /**
   * The bundled registry, overridden by {@code file} when not null.
   *
   * @throws CliFailure (exit 1) if the file does not exist or cannot be read
   * @throws IllegalArgumentException (exit 2) naming the malformed line of the file
   */
  static OriginRegistry load(@Nullable Path file) throws IOException {
    OriginRegistry bundled = OriginRegistry.bundled();
    if (file == null) return bundled;
    if (!Files.isRegularFile(file)) throw CliFailure.io("origins file '" + file + "' not found", null);
    return bundled.withFile(file);
  }
}
