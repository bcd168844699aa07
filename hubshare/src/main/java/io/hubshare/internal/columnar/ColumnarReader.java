package io.hubshare.internal.columnar;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens columnar files. An implementation is registered as a service ({@code provides} in its
 * {@code module-info.java} and {@code META-INF/services}); it is stateless and thread-safe.
 */
public interface ColumnarReader {
  /** The Maven coordinates of the artifact that provides Parquet reading, for messages. */
  String ARTIFACT = "io.hubshare:hubshare-sql";

  /**
   * Opens {@code file}, reading its footer only.
   *
   * @throws IOException if it cannot be read or is not a file this reader understands (the message says why)
   */
  ColumnarFile open(Path file) throws IOException;

  /** The implementations on the module or class path, in the order found. */
  static List<ColumnarReader> available() {
    return ServiceLoader.load(ColumnarReader.class, ColumnarReader.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get).toList();
  }
}
