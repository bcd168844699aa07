package io.hubshare.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConcentrationTest {

  @Test
  void hhiOfAMonopolyIsTenThousand() {
    assertThat(Concentration.hhi(new long[] {7})).isEqualTo(10_000.0);
    assertThat(Concentration.hhi(new long[] {0, 123_456, 0})).isEqualTo(10_000.0);
  }

  @Test
  void hhiSumsSquaredPercentageShares() {
    // 50% + 30% + 20%: 2500 + 900 + 400.
    assertThat(Concentration.hhi(new long[] {50, 30, 20})).isCloseTo(3_800.0, within(1e-9));
    // Ten equal groups: 10 * 10^2.
    assertThat(Concentration.hhi(new long[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3})).isCloseTo(1_000.0, within(1e-9));
  }

  @Test
  void giniOfEqualSharesIsZero() {
    assertThat(Concentration.gini(new long[] {5, 5, 5, 5})).isEqualTo(0.0);
    assertThat(Concentration.gini(new long[] {42})).isEqualTo(0.0);
  }

  @Test
  void giniMatchesThePairwiseDefinition() {
    // {1, 2, 3}: sum |xi - xj| over ordered pairs = 8; 8 / (2 * 3^2 * mean 2) = 2/9.
    assertThat(Concentration.gini(new long[] {3, 1, 2})).isCloseTo(2.0 / 9, within(1e-12));
    // One of four holds everything: (n - 1) / n = 0.75.
    assertThat(Concentration.gini(new long[] {0, 10, 0, 0})).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void topShareTakesTheLargestValuesWhateverTheirOrder() {
    assertThat(Concentration.topShare(new long[] {1, 6, 3}, 1)).isCloseTo(0.6, within(1e-12));
    assertThat(Concentration.topShare(new long[] {1, 6, 3}, 2)).isCloseTo(0.9, within(1e-12));
    assertThat(Concentration.topShare(new long[] {1, 6, 3}, 10)).isEqualTo(1.0);
  }

  @Test
  void emptyOrAllZeroInputHasNoConcentration() {
    assertThat(Concentration.hhi(new long[0])).isZero();
    assertThat(Concentration.gini(new long[0])).isZero();
    assertThat(Concentration.topShare(new long[0], 3)).isZero();
    assertThat(Concentration.hhi(new long[] {0, 0})).isZero();
    assertThat(Concentration.gini(new long[] {0, 0})).isZero();
  }

  @Test
  void refusesNegativeValuesAndNonPositiveK() {
    assertThatThrownBy(() -> Concentration.hhi(new long[] {5, -1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    assertThatThrownBy(() -> Concentration.topShare(new long[] {5}, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k >= 1");
  }
}
