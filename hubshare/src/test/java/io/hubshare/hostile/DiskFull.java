package io.hubshare.hostile;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small disk (an in-memory file system with a size limit): writing past it fails, as on a full disk.
 */
final class DiskFull implements AutoCloseable {
  private final FileSystem fs;
  private final Path root;

  private DiskFull(FileSystem fs) throws IOException {
    this.fs = fs;
    this.root = Files.createDirectories(fs.getPath("/data"));
  }

  static DiskFull withBytes(long bytes) throws IOException {
    return new DiskFull(Jimfs.newFileSystem(Configuration.unix().toBuilder().setMaxSize(bytes).setBlockSize(4096)
        .build()));
  }

  Path root() {
    return root;
  }

  @Override
  public void close() throws IOException {
    fs.close();
  }
}
