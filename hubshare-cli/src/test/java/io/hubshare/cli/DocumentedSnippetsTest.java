package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles as written, imports included, against the library
 * (and its optional SQL artifact) as a user's build has it, the command line's own libraries left out. Nothing is
 * run: a snippet may talk to a live hub.
 *
 * <p>A block is compiled as one Java file when it declares a type (a {@code class}, {@code record}, {@code enum} or
 * {@code interface} at the start of a line); otherwise its {@code import} lines go on top and the rest becomes the
 * body of a method that may throw anything, so a snippet reads as the lines a user types (JShell style, with
 * semicolons).
 */
class DocumentedSnippetsTest {
  private static final Pattern TYPE = Pattern.compile("(?m)^(public |final |abstract )*(class|record|enum|interface) ");
  /** The command line's own libraries: a library user does not have them. */
  private static final Pattern CLI_ONLY = Pattern.compile("picocli|progressbar|jfreechart|jline|hubshare-cli");

  /** A java block of a Markdown file. */
  record Snippet(Path file, int line, String code) {
    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  static List<Snippet> snippets() throws IOException {
    List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<Snippet> out = new ArrayList<>();
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).strip().equals("```java")) continue;
        int start = i + 1;
        StringBuilder code = new StringBuilder();
        for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) code.append(lines.get(i)).append('\n');
        out.add(new Snippet(f, start + 1, code.toString()));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("snippets")
  void compilesAsWritten(Snippet s, @TempDir Path out) throws IOException {
    String name = "Snippet_" + s.file().getFileName().toString().replaceAll("\\W", "_") + "_" + s.line();
    String source = source(s.code(), name);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + className(source, name) + ".java"),
          JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source;
        }
      };
      boolean ok = javac.getTask(diagnostics, files, null,
          List.of("-d", out.toString(), "-classpath", libraryClassPath(), "-proc:none", "-Xlint:none"), null,
          List.of(unit)).call();
      assertThat(ok).as("%s compiles:%n%s%n--- as compiled:%n%s", s, diagnostics, numbered(source)).isTrue();
    }
  }

  @org.junit.jupiter.api.Test
  void everyDocumentedPageWithJavaIsRead() throws IOException {
    assertThat(snippets()).extracting(s -> s.file().toString()).contains("README.md", "docs/snapshots.md",
        "docs/lineage.md", "docs/origins.md", "docs/configuration.md", "docs/method.md");
  }

  /** The snippet as a compilation unit: as it is when it declares a type, else its statements in a method. */
  static String source(String code, String name) {
    if (TYPE.matcher(code).find()) return code;
    StringBuilder imports = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (String line : code.split("\n", -1)) {
      if (line.startsWith("import ")) {
        imports.append(line).append('\n');
        body.append('\n'); // keeps the line numbers of the diagnostics those of the snippet, give or take the header
      } else {
        body.append(line).append('\n');
      }
    }
    return imports + "class " + name + " {\n@SuppressWarnings(\"unused\")\nstatic void snippet() throws Throwable {\n"
        + body + "}\n}\n";
  }

  private static String className(String source, String fallback) {
    var m = Pattern.compile("(?m)^public (final )?(class|record|enum|interface) (\\w+)").matcher(source);
    return m.find() ? m.group(3) : fallback;
  }

  private static String libraryClassPath() {
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !CLI_ONLY.matcher(e).find())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String numbered(String source) {
    String[] lines = source.split("\n", -1);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.length; i++) b.append(String.format("%3d  %s%n", i + 1, lines[i]));
    return b.toString();
  }
}
