package io.hubshare.internal.hf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The recorded Hub bodies and the 2026-08 sample, read from the test resources. */
final class HfFixtures {
  static final String MODEL_INFO = "fixtures/hf/model-info";
  static final String SAMPLE = "fixtures/hf/hub-sample-2026-08/models.jsonl.gz";
  static final String OVERVIEW = "fixtures/hf/overview";

  private static List<String> sampleLines;

  private HfFixtures() {}

  /** Every recorded model-info body file. */
  static List<Path> modelInfoFiles() {
    try (Stream<Path> files = Files.list(resourceDir(MODEL_INFO))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A model-info body by file name, as text. */
  static String modelInfo(String fileName) {
    return read(resourceDir(MODEL_INFO).resolve(fileName));
  }

  /** An overview body written in the documented shape. */
  static String overview(String fileName) {
    return read(resourceDir(OVERVIEW).resolve(fileName));
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample's lines, each one model in list wire format; read once. */
  static synchronized List<String> sampleLines() {
    if (sampleLines == null) {
      List<String> lines = new ArrayList<>(15_200);
      try (InputStream in = HfFixtures.class.getClassLoader().getResourceAsStream(SAMPLE)) {
        if (in == null) throw new IllegalStateException("missing test resource " + SAMPLE);
        BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (!line.isBlank()) lines.add(line);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      sampleLines = List.copyOf(lines);
    }
    return sampleLines;
  }

  /** The sample line of one model id. */
  static String sampleLine(String id) {
    String needle = "{\"id\":\"" + id + "\",";
    return sampleLines().stream().filter(l -> l.startsWith(needle)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not in the sample: " + id));
  }

  private static Path resourceDir(String name) {
    URL url = HfFixtures.class.getClassLoader().getResource(name);
    if (url == null) throw new IllegalStateException("missing test resource " + name);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
