package io.hubshare.internal.modelscope;

import io.hubshare.internal.modelscope.StandInModelScope.Item;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A hub of 9,040 made-up models shaped to need every part of a partitioned crawl:
 *
 * <ul>
 *   <li>{@code big-org}: 4,000 models, 3,200 of them text generation (2,000 Apache, 1,200 MIT): the task part is
 *       capped, the licence parts under it are not;
 *   <li>{@code mirror-co}: 3,400 feature-extraction models under one licence, in the same order whatever the sort:
 *       capped whatever is tried, 400 of them out of reach;
 *   <li>1,600 accounts with one model each over six tasks and three licences, modified last, so the newest models
 *       show every task;
 *   <li>40 models with no task, ranked last in every order: in no task part, and never reached.
 * </ul>
 */
public final class SyntheticHub {
  public static final int TOTAL = 9040;
  public static final int UNREACHABLE_MIRROR = 400;
  public static final int WITHOUT_TASK = 40;
  static final List<String> TASKS = List.of("text-generation", "feature-extraction", "image-classification",
      "auto-speech-recognition", "translation", "summarization");
  static final List<String> LICENSES = List.of("Apache License 2.0", "MIT", "CC-BY-4.0");

  private SyntheticHub() {}

  public static List<Item> items() {
    List<Item> out = new ArrayList<>();
    Instant base = Instant.parse("2024-01-01T00:00:00Z");
    Random random = new Random(20261201);
    int rank = 0;
    // big-org: downloads high and spread.
    for (int i = 0; i < 4000; i++) {
      String task = i < 3200 ? "text-generation" : i < 3600 ? "image-classification" : "auto-speech-recognition";
      String license = i < 2000 ? "Apache License 2.0" : i < 3200 ? "MIT" : LICENSES.get(i % 3);
      long d = 1_000_000L + random.nextInt(5_000_000);
      out.add(new Item(String.format("big-org/model-%04d", i), task, license, "transformers", d, d / 100,
          base.plusSeconds(3600L * i), base.plusSeconds(3600L * i + 60), 1000 + random.nextInt(100_000)));
    }
    // mirror-co: one order for every sort key, so no sort reaches past its first 3,000.
    for (int i = 0; i < 3400; i++) {
      out.add(new Item(String.format("mirror-co/copy-%04d", i), "feature-extraction", "other", "pytorch",
          900_000L - i, 9_000L - i, base.plusSeconds(60L * (4000 - i)), base.plusSeconds(60L * (4000 - i)),
          200_000 + i));
    }
    // One model each, modified last: the newest 1,600 models on the hub.
    for (int i = 0; i < 1600; i++) {
      out.add(new Item(String.format("user-%04d/m", i), TASKS.get(i % TASKS.size()), LICENSES.get(i % 3),
          i % 2 == 0 ? "transformers" : "pytorch", 10 + random.nextInt(1000), random.nextInt(10),
          base.plusSeconds(86_400L * 365), Instant.parse("2026-11-01T00:00:00Z").plusSeconds(60L * i),
          rank++ + 300_000));
    }
    // No task, last in every order.
    for (int i = 0; i < 40; i++) {
      out.add(new Item(String.format("notask-%02d/m", i), null, "MIT", "pytorch", 0, 0,
          Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z"), 900_000 + i));
    }
    return out;
  }
}
