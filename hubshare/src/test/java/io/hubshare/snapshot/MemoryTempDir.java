package io.hubshare.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temporary directories in memory ({@code /dev/shm}) where the system has it, else where JUnit puts them. A crawl
 * syncs its files after every page, as it must to survive a kill; on a disk where a sync costs milliseconds, a test
 * crawl of a thousand pages would spend a minute waiting for the disk and prove nothing more.
 */
final class MemoryTempDir implements TempDirFactory {
  @Override
  public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext extension) throws IOException {
    Path shm = Path.of("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) return Files.createTempDirectory(shm, "hubshare-test-");
    return Files.createTempDirectory("hubshare-test-");
  }
}
