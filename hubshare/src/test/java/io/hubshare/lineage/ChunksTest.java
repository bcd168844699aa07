package io.hubshare.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunksTest {
  private static final int N = 3 * LongChunks.CHUNK + 5;

  @Test
  void longsGrowChunkByChunkAndAreFoundAsArraysFindsThem() {
    LongChunks c = new LongChunks();
    long[] plain = new long[N];
    Random random = new Random(7);
    for (int i = 0; i < N; i++) {
      plain[i] = i == 0 ? Long.MIN_VALUE : plain[i - 1] + 1 + random.nextInt(1000);
      c.add(plain[i]);
    }
    assertThat(c.size()).isEqualTo(N);
    for (int i = 0; i < N; i++) assertThat(c.get(i)).isEqualTo(plain[i]);
    for (long key : new long[] {plain[0], plain[LongChunks.CHUNK], plain[N - 1], plain[N - 1] + 1, plain[0] + 1,
        plain[LongChunks.CHUNK] - 1, Long.MAX_VALUE}) {
      assertThat(c.binarySearch(key)).as("%d", key).isEqualTo(Arrays.binarySearch(plain, key));
    }
  }

  @Test
  void aTruncatedSequenceGivesBackItsChunksAndGrowsAgain() {
    LongChunks c = new LongChunks();
    for (int i = 0; i < N; i++) c.add(i);
    long full = c.footprintBytes();
    c.truncate(LongChunks.CHUNK + 1);
    assertThat(c.footprintBytes()).isLessThan(full - LongChunks.CHUNK * 8L);
    c.add(-1);
    assertThat(c.get(LongChunks.CHUNK)).isEqualTo(LongChunks.CHUNK);
    assertThat(c.get(LongChunks.CHUNK + 1)).isEqualTo(-1);
    assertThat(c.size()).isEqualTo(LongChunks.CHUNK + 2);
  }

  @Test
  void aCopyIsIndependentOfItsOriginal() {
    IntChunks a = new IntChunks();
    for (int i = 0; i < N; i++) a.add(i);
    IntChunks b = new IntChunks(a);
    b.set(5, -5);
    b.add(N);
    assertThat(a.get(5)).isEqualTo(5);
    assertThat(a.size()).isEqualTo(N);
    assertThat(b.get(N)).isEqualTo(N);
    assertThat(b.get(N - 1)).isEqualTo(N - 1);
  }

  @Test
  void aSmallSequenceStaysSmall() {
    IntChunks small = new IntChunks();
    for (int i = 0; i < 10; i++) small.add(i);
    assertThat(small.footprintBytes()).isLessThan(200);
    IntChunks zeros = IntChunks.zeros(LongChunks.CHUNK + 3);
    assertThat(zeros.size()).isEqualTo(LongChunks.CHUNK + 3);
    assertThat(zeros.get(LongChunks.CHUNK + 2)).isZero();
  }
}
