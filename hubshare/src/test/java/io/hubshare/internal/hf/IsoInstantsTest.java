package io.hubshare.internal.hf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

  /** Shapes off the fast path (offsets, 24:00, an empty fraction) go through Instant.parse and agree with it. */
  @ParameterizedTest
  @ValueSource(strings = {"2024-09-25T17:00:57.000Z", "2022-03-02T23:29:04.000Z", "2026-08-18T06:09:20Z",
      "2024-02-29T00:00:00.5Z", "1999-12-31T23:59:59.123456789Z", "2024-07-18T08:56:00.000+00:00",
      "2024-07-18T10:56:00.000+02:00", "0001-01-01T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:00:00.Z"})
  void agreesWithInstantParse(String s) {
    assertThat(IsoInstants.parse(s)).isEqualTo(Instant.parse(s));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yesterday", "2024-02-30T00:00:00.000Z", "2023-02-29T00:00:00Z",
      "2024-13-01T00:00:00Z", "2024-01-01T00:60:00Z", "2024-01-01 00:00:00Z", "2024-01-01T00:00:00.0123456789Z",
      "2024-01-01T00:00:00", "2024-1-01T00:00:00Z"})
  void rejectsWhatInstantParseRejects(String s) {
    assertThat(IsoInstants.parse(s)).isNull();
  }

  @Test
  void everySampleTimestampAgreesWithInstantParse() {
    for (String line : HfFixtures.sampleLines().subList(0, 2_000)) {
      String created = line.substring(line.indexOf("\"createdAt\":\"") + 13);
      created = created.substring(0, created.indexOf('"'));
      assertThat(IsoInstants.parse(created)).isEqualTo(Instant.parse(created));
    }
  }
}
