package io.hubshare.snapshot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A crawl in a JVM of its own, on the tests' class path, for the kill tests to kill. */
final class ChildJvm {
  private ChildJvm() {}

  /** Starts {@code main} with {@code args}, its stderr merged into its stdout. */
  static Process start(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        main.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Reads the child's lines into {@code seen} until one starts with {@code prefix} (true) or the output ends. */
  static boolean readUntil(Process child, String prefix, List<String> seen) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        synchronized (seen) {
          seen.add(line);
        }
        if (line.startsWith(prefix)) return true;
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
