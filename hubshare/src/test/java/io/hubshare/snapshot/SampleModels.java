package io.hubshare.snapshot;

import io.hubshare.domain.Model;
import io.hubshare.internal.hf.HfModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The 240 real Hub model objects of {@code sample-models.jsonl.gz} (see the NOTICE beside it). */
final class SampleModels {
  private SampleModels() {}

  /** The lines, verbatim. */
  static List<String> lines() {
    try (InputStream in = SampleModels.class.getResourceAsStream("sample-models.jsonl.gz");
        BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      for (String l = r.readLine(); l != null; l = r.readLine()) lines.add(l);
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The models, parsed. */
  static List<Model> models() {
    return lines().stream().map(HfModels::parse).toList();
  }
}
