package io.hubshare.analytics;

import io.hubshare.domain.BaseModel;
import io.hubshare.domain.DownloadMetrics;
import io.hubshare.domain.Model;
import io.hubshare.internal.hf.HfModels;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * The real sample scaled up: {@code replicas} copies of its 15,156 models, read again from the gzip file for every
 * copy and never held. Copy {@code r > 0} suffixes every id and every base id with {@code -r<r>} (so each copy is
 * a lineage forest of its own, and parents outside the sample multiply too) and shifts the counts by a
 * deterministic amount; authors stay, so origins resolve as in the sample.
 */
final class ScaledSample implements Iterable<Model> {
  private final int replicas;

  ScaledSample(int replicas) {
    this.replicas = replicas;
  }

  @Override
  public Iterator<Model> iterator() {
    return new Iterator<>() {
      int replica = -1;
      int line;
      BufferedReader reader;
      String next;

      @Override
      public boolean hasNext() {
        try {
          while (next == null) {
            if (reader != null) next = reader.readLine();
            if (next != null) break;
            if (reader != null) reader.close();
            if (++replica >= replicas) return false;
            reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Objects.requireNonNull(
                ScaledSample.class.getResourceAsStream(SampleSharesTest.SAMPLE))), StandardCharsets.UTF_8));
            line = 0;
          }
          return true;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public Model next() {
        if (!hasNext()) throw new NoSuchElementException();
        String text = next;
        next = null;
        return vary(HfModels.parse(text), replica, line++);
      }
    };
  }

  static Model vary(Model m, int replica, int line) {
    if (replica == 0) return m;
    String suffix = "-r" + replica;
    List<BaseModel> bases = new ArrayList<>(m.baseModels().size());
    for (BaseModel b : m.baseModels()) bases.add(BaseModel.of(b.id() + suffix, b.relation()));
    long shift = (replica * 1_000_003L + line * 7L) % 1_000;
    DownloadMetrics d = m.downloads();
    DownloadMetrics varied = DownloadMetrics.builder()
        .last30Days(d.last30Days() == null ? null : d.last30Days() + shift)
        .allTime(d.allTime() == null ? null : d.allTime() + shift * 12)
        .likes(d.likes()).trendingScore(d.trendingScore()).build();
    return Model.builder(m.hub(), m.id() + suffix).author(m.author()).sha(m.sha()).createdAt(m.createdAt())
        .lastModified(m.lastModified()).pipelineTag(m.pipelineTag()).libraryName(m.libraryName()).tags(m.tags())
        .gating(m.gating()).isPrivate(m.isPrivate()).disabled(m.disabled()).license(m.license())
        .parameters(m.parameters()).downloads(varied).baseModels(bases).rawJson(m.rawJson()).build();
  }
}
