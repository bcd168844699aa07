package io.hubshare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Where the benchmarks behind the documentation's figures write what they measured, one {@code name=value} line
 * each, in {@code hubshare/target/figures.txt}. {@code bench/figures.sh} runs them and compares each figure with
 * the bound the documents claim ({@code bench/figures.claims}). Nothing is printed: a test run stays quiet.
 */
public final class Figures {
  /** The file, relative to the repository's root (the tests' working directory). */
  public static final Path FILE = Path.of("hubshare", "target", "figures.txt");

  private Figures() {}

  /**
   * Appends one figure.
   *
   * @param name a dotted name, such as {@code lineage.bytesPerLink.counted}
   * @param value the value measured
   */
  public static synchronized void record(String name, double value) {
    String line = String.format(Locale.ROOT, "%s=%.1f%n", name, value);
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
