package io.hubshare.snapshot;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a path says of a snapshot: the date in a folder such as {@code models/2025-08-25/models.parquet} or
 * {@code date=2025-08-25}, or in a file name such as {@code hub-2025-08-25.jsonl.gz}; the hub in a
 * {@code hub=NAME} folder. The file's own name is looked at first, then each folder up from it.
 */
final class SnapshotDates {
  private static final Pattern DATE = Pattern.compile("(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])");
  private static final Pattern HUB = Pattern.compile("hub=([A-Za-z0-9][A-Za-z0-9_-]*)");

  private SnapshotDates() {}

  /** The date nearest the file in its path, or {@code null}; a name with two different dates says none. */
  static @Nullable LocalDate dateOf(Path file) {
    for (Path p = file.toAbsolutePath().normalize(); p != null && p.getFileName() != null; p = p.getParent()) {
      Matcher m = DATE.matcher(p.getFileName().toString());
      LocalDate found = null;
      boolean ambiguous = false;
      while (m.find()) {
        LocalDate d;
        try {
          d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
          continue;
        }
        if (found != null && !found.equals(d)) ambiguous = true;
        found = d;
      }
      if (ambiguous) return null;
      if (found != null) return found;
    }
    return null;
  }

  /** The hub named by a {@code hub=NAME} folder of the path, or {@code null}. */
  static @Nullable String hubOf(Path file) {
    for (Path p = file.toAbsolutePath().normalize(); p != null && p.getFileName() != null; p = p.getParent()) {
      Matcher m = HUB.matcher(p.getFileName().toString());
      if (m.matches()) return m.group(1);
    }
    return null;
  }
}
