package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java example compiles against the current API and reproduces the study's table on the bundled sample. */
class ExamplesTest {

  @Test
  void studySharesCompilesRunsOnTheSampleAndWritesTheChart(@TempDir Path dir) throws Exception {
    System.setProperty("java.awt.headless", "true");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, null, null,
        List.of("-d", dir.toString(), "-classpath", System.getProperty("java.class.path")), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
            .getJavaFileObjects(Path.of("examples/StudyShares.java"))).call();
    assertThat(ok).as("examples/StudyShares.java compiles: %s", diagnostics).isTrue();

    Path chart = dir.resolve("study.png");
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      Method main = loader.loadClass("StudyShares").getMethod("main", String[].class);
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[] {"examples/data/hub-sample-2026-08.jsonl.gz", "2026-09-01",
          chart.toString()});
    } finally {
      System.setOut(original);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("using 30-day downloads instead", "Credited to the uploading account",
        "Credited to the developer of the lineage root", "China", "United States", "unknown");
    assertThat(ImageIO.read(Files.newInputStream(chart)).getWidth()).isEqualTo(1100);
  }
}
