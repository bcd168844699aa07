package io.hubshare.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules read from the sources of every module (and the examples), as the compiler cannot check them.
 *
 * <ul>
 *   <li>Case conversion names its locale: {@code "TITLE".toLowerCase()} is {@code "tıtle"} under a Turkish default
 *       locale, which would break ids, keys and enum labels. Formatting in the libraries' code names it too
 *       (what it writes is read by programs: CSV, JSON, keys).
 *   <li>Every public record of the API says whether its canonical constructor is part of the compatible API, so a
 *       new component can be added without breaking a caller who was told not to call it.
 * </ul>
 */
class SourceRulesTest {
  private static final Path ROOT = Path.of("");
  private static final Pattern CASE_WITHOUT_LOCALE = Pattern.compile("\\.to(Lower|Upper)Case\\(\\s*\\)");
  private static final Pattern FORMAT_WITHOUT_LOCALE =
      Pattern.compile("(String\\.format|\\.formatted|\\.printf)\\(\\s*(?!Locale\\.|java\\.util\\.Locale\\.)");
  private static final Pattern SNIPPET = Pattern.compile("\\{@snippet\\b");
  private static final Pattern PUBLIC_RECORD = Pattern.compile("(?m)^\\s*public record (\\w+)");

  @Test
  void caseConversionAlwaysNamesALocale() {
    List<String> found = new ArrayList<>();
    for (Path f : sources(true)) grep(f, CASE_WITHOUT_LOCALE, found);
    assertThat(found).as("toLowerCase()/toUpperCase() without a Locale (use Locale.ROOT)").isEmpty();
  }

  @Test
  void libraryFormattingAlwaysNamesALocale() {
    List<String> found = new ArrayList<>();
    for (Path f : sources(false)) grep(f, FORMAT_WITHOUT_LOCALE, found);
    // An example in a comment prints for its reader, in the reader's locale.
    found.removeIf(hit -> hit.substring(hit.indexOf(": ") + 2).startsWith("*"));
    assertThat(found).as("String.format/formatted/printf without a Locale first (use Locale.ROOT)").isEmpty();
  }

  @Test
  void javadocExamplesAreCodeBlocksThatJava17Reads() {
    List<String> found = new ArrayList<>();
    for (Path f : sources(false)) grep(f, SNIPPET, found);
    assertThat(found).as("{@snippet} needs Java 18's javadoc: write <pre>{@code ...}</pre>").isEmpty();
  }

  @Test
  void theRulesFindWhatTheyLookFor() {
    assertThat(CASE_WITHOUT_LOCALE.matcher("id.toLowerCase()").find()).isTrue();
    assertThat(CASE_WITHOUT_LOCALE.matcher("id.toUpperCase( )").find()).isTrue();
    assertThat(CASE_WITHOUT_LOCALE.matcher("id.toLowerCase(Locale.ROOT)").find()).isFalse();
    assertThat(FORMAT_WITHOUT_LOCALE.matcher("String.format(\"%,d\", n)").find()).isTrue();
    assertThat(FORMAT_WITHOUT_LOCALE.matcher("String.format(Locale.ROOT, \"%,d\", n)").find()).isFalse();
    assertThat(SNIPPET.matcher(" * {@snip" + "pet :").find()).isTrue();
    assertThat(sources(true)).as("the scan sees the sources").hasSizeGreaterThan(200);
  }

  @Test
  void everyPublicRecordSaysWhetherItsConstructorIsApi() throws IOException {
    List<String> silent = new ArrayList<>();
    int records = 0;
    for (Path f : sources(false)) {
      String path = f.toString().replace('\\', '/');
      // The API: every module's exported packages (the command line exports none; internal packages are not API).
      if (!path.contains("/src/main/java/io/hubshare/") || path.contains("/internal/") || path.contains("/cli/")) {
        continue;
      }
      String text = Files.readString(f, StandardCharsets.UTF_8);
      Matcher m = PUBLIC_RECORD.matcher(text);
      while (m.find()) {
        records++;
        String before = text.substring(0, m.start());
        int doc = before.lastIndexOf("/**");
        String javadoc = doc < 0 ? "" : before.substring(doc);
        if (!javadoc.replaceAll("\\s+\\*\\s*", " ").contains("compatible API")) silent.add(path + ": " + m.group(1));
      }
    }
    assertThat(records).isGreaterThan(15);
    assertThat(silent).as("public records whose Javadoc does not say whether the constructor is API").isEmpty();
  }

  /** Java sources of every module; with {@code all}, tests, examples and JShell scripts too. */
  private static List<Path> sources(boolean all) {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module : modules.filter(p -> Files.isDirectory(p.resolve("src"))).toList()) {
        addTree(module.resolve("src/main/java"), out);
        if (all) addTree(module.resolve("src/test/java"), out);
      }
      if (all) addTree(ROOT.resolve("examples"), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void addTree(Path dir, List<Path> out) throws IOException {
    if (!Files.isDirectory(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".jsh")).map(ROOT::relativize)
          .forEach(out::add);
    }
  }

  private static void grep(Path file, Pattern p, List<String> found) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.contains("theRulesFindWhatTheyLookFor") || file.endsWith("SourceRulesTest.java")) continue;
        if (p.matcher(line).find()) found.add(file + ":" + (i + 1) + ": " + line.strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
