package io.hubshare.internal.modelscope;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** ModelScope's times: ISO with or without a zone, epoch seconds or milliseconds. */
class TimestampsTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void isoWithAZoneIsThatInstant() {
    assertThat(Timestamps.parse("2024-11-16T00:27:02Z")).isEqualTo(Instant.parse("2024-11-16T00:27:02Z"));
    assertThat(Timestamps.parse("2022-08-19T07:19:38.123456789Z")).isEqualTo(Instant.parse("2022-08-19T07:19:38.123456789Z"));
    assertThat(Timestamps.parse("2024-11-16T08:27:02+08:00")).isEqualTo(Instant.parse("2024-11-16T00:27:02Z"));
  }

  @Test
  void aTimeWithoutAZoneIsBeijingTime() {
    assertThat(Timestamps.parse("2024-04-19 00:12:31")).isEqualTo(Instant.parse("2024-04-18T16:12:31Z"));
    assertThat(Timestamps.parse("2024-04-19T00:12:31.5")).isEqualTo(Instant.parse("2024-04-18T16:12:31.5Z"));
  }

  @Test
  void numbersAreEpochSecondsOrAbove10To12Milliseconds() {
    assertThat(Timestamps.read(F.numberNode(1726650662L))).isEqualTo(Instant.parse("2024-09-18T09:11:02Z"));
    assertThat(Timestamps.read(F.numberNode(1745900400000L))).isEqualTo(Instant.parse("2025-04-29T04:20:00Z"));
    assertThat(Timestamps.read(F.textNode("1726650662"))).isEqualTo(Instant.parse("2024-09-18T09:11:02Z"));
  }

  @Test
  void absentEmptyOrNonsenseIsNull() {
    assertThat(Timestamps.read(null)).isNull();
    assertThat(Timestamps.read(F.nullNode())).isNull();
    assertThat(Timestamps.read(F.textNode(""))).isNull();
    assertThat(Timestamps.read(F.textNode("yesterday"))).isNull();
    assertThat(Timestamps.read(F.numberNode(0))).isNull();
    assertThat(Timestamps.read(F.booleanNode(true))).isNull();
  }
}
