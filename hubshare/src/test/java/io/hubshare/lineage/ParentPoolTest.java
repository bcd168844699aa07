package io.hubshare.lineage;

import io.hubshare.internal.protocol.RepoIdHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParentPoolTest {

  @Test
  void idsComeBackAsSpelledAcrossChunksAndOneLongerThanAChunk() {
    ParentPool pool = new ParentPool();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      ids.add("owner-" + i + "/model-" + "x".repeat(i % 90) + (i % 3 == 0 ? "-模型" : ""));   // about 300 KiB
      if (i == 2500) ids.add("long/" + "y".repeat(100_000));
    }
    ids.add("Owner-1/MODEL-x");   // "owner-1/model-x" spelled otherwise: a reference of its own
    for (int i = 0; i < ids.size(); i++) assertThat(pool.intern(ids.get(i), LinkTable.MAX_PARENTS)).isEqualTo(i);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(pool.intern(ids.get(i), LinkTable.MAX_PARENTS)).isEqualTo(i);
      assertThat(pool.id(i)).isEqualTo(ids.get(i));
      assertThat(pool.hash(i)).isEqualTo(RepoIdHash.of(ids.get(i)));
    }
    assertThat(pool.size()).isEqualTo(ids.size());
    assertThat(pool.idEqualsIgnoreCase(1, "OWNER-1/model-X")).isTrue();
  }

  @Test
  void aCopyKeepsTheReferencesAndTakesNewIdsOnceTheOriginalIsBuilt() {
    ParentPool pool = new ParentPool();
    for (int i = 0; i < 2000; i++) pool.intern("a/" + i, LinkTable.MAX_PARENTS);
    pool.releaseHashes();
    assertThatThrownBy(() -> pool.intern("a/new", LinkTable.MAX_PARENTS))
        .isInstanceOf(IllegalStateException.class);

    ParentPool copy = new ParentPool(pool);
    assertThat(copy.intern("a/1999", LinkTable.MAX_PARENTS)).isEqualTo(1999);
    assertThat(copy.intern("a/new", LinkTable.MAX_PARENTS)).isEqualTo(2000);
    assertThat(pool.size()).isEqualTo(2000);
    assertThat(copy.id(7)).isEqualTo("a/7");
  }

  @Test
  void theLimitOnDistinctIdsFailsFast() {
    ParentPool pool = new ParentPool();
    pool.intern("a/1", 2);
    pool.intern("a/2", 2);
    assertThat(pool.intern("a/1", 2)).isZero();
    assertThatThrownBy(() -> pool.intern("a/3", 2)).isInstanceOf(IllegalStateException.class)
        .hasMessage("more than 2 distinct base ids");
  }
}
