package io.hubshare.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.Figures;
import io.hubshare.domain.BaseModel;
import io.hubshare.domain.Model;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the index costs at full-crawl scale: about a million derivatives, made of 127 disjoint replicas of the
 * sample's real links (ids suffixed per replica, so id lengths, links per model and bases shared per link stay
 * the sample's). Bytes per link counted from the arrays depend only on the data, so the figure docs/lineage.md and
 * docs/performance.md give (23 bytes per link) is asserted; the heap measurement, which depends on the JVM, and a
 * plain map of strings for scale are written to {@link Figures#FILE} for {@code bench/figures.sh}.
 */
@Tag("slow")
class LineageIndexFootprintTest {
  private static final int REPLICAS = 127;

  @Test
  void bytesPerLinkAtAMillionDerivatives() {
    List<Model> derivatives = HubSample.models().stream().filter(Model::isDerivative).toList();

    long before = usedHeap();
    LineageIndex.Builder b = LineageIndex.builder();
    for (int r = 0; r < REPLICAS; r++) {
      for (Model m : derivatives) b.add(m.id() + "-r" + r, replica(m.baseModels(), r));
    }
    LineageIndex index = b.build();
    b = null;
    long measured = usedHeap() - before;

    long counted = index.footprintBytes();
    double countedPerLink = (double) counted / index.linkCount();
    Figures.record("lineage.links", index.linkCount());
    Figures.record("lineage.bytesPerLink.counted", countedPerLink);
    Figures.record("lineage.bytesPerLink.measured", (double) measured / index.linkCount());
    assertThat(index.size()).isEqualTo(REPLICAS * derivatives.size());
    assertThat(index.linkCount()).isGreaterThan(1_000_000);
    assertThat(countedPerLink).as("the documents' 23.4 bytes per link").isBetween(23.0, 24.0);
    assertThat(index.rootOf("Abiray/10Eros-Max-GGUF-r99")).isEqualTo("MiniMaxAI/MiniMax-H3-r99");

    index = null;
    before = usedHeap();
    Map<String, List<BaseModel>> plain = new HashMap<>();
    for (int r = 0; r < REPLICAS; r++) {
      for (Model m : derivatives) plain.put(m.id() + "-r" + r, replica(m.baseModels(), r));
    }
    long plainBytes = usedHeap() - before;
    long plainLinks = plain.values().stream().mapToLong(List::size).sum();
    Figures.record("lineage.bytesPerLink.hashMap", (double) plainBytes / plainLinks);
    assertThat(plain).hasSize(REPLICAS * derivatives.size());
  }

  private static List<BaseModel> replica(List<BaseModel> bases, int r) {
    List<BaseModel> out = new ArrayList<>(bases.size());
    for (BaseModel base : bases) out.add(BaseModel.of(base.id() + "-r" + r, base.relation()));
    return List.copyOf(out);
  }

  /** Heap in use after full collections (System.gc() is a stop-the-world full collection under G1 and Serial). */
  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) System.gc();
    return rt.totalMemory() - rt.freeMemory();
  }
}
