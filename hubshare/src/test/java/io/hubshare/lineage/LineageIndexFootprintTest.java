package io.hubshare.lineage;

import static org.assertj.core.api.Assertions.assertThat;

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
 * the sample's). Prints bytes per link, counted from the arrays and measured on the heap, next to a plain map of
 * strings for scale. No timing or size assertion: the numbers depend on the JVM.
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
    System.out.printf("LineageIndex: %,d derivatives, %,d links, %,d distinct bases%n", index.size(),
        index.linkCount(), index.distinctParents());
    System.out.printf("  counted from the arrays: %,d bytes = %.1f bytes per link%n", counted,
        (double) counted / index.linkCount());
    System.out.printf("  measured on the heap:    %,d bytes = %.1f bytes per link%n", measured,
        (double) measured / index.linkCount());
    assertThat(index.size()).isEqualTo(REPLICAS * derivatives.size());
    assertThat(index.rootOf("Abiray/10Eros-Max-GGUF-r99")).isEqualTo("MiniMaxAI/MiniMax-H3-r99");

    index = null;
    before = usedHeap();
    Map<String, List<BaseModel>> plain = new HashMap<>();
    for (int r = 0; r < REPLICAS; r++) {
      for (Model m : derivatives) plain.put(m.id() + "-r" + r, replica(m.baseModels(), r));
    }
    long plainBytes = usedHeap() - before;
    long plainLinks = plain.values().stream().mapToLong(List::size).sum();
    System.out.printf("  HashMap<String, List<BaseModel>> for scale: %.1f bytes per link%n",
        (double) plainBytes / plainLinks);
    assertThat(plain).hasSize(REPLICAS * derivatives.size());
  }

  private static List<BaseModel> replica(List<BaseModel> bases, int r) {
    List<BaseModel> out = new ArrayList<>(bases.size());
    for (BaseModel base : bases) out.add(new BaseModel(base.id() + "-r" + r, base.relation()));
    return List.copyOf(out);
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
