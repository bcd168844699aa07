package io.hubshare.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.ModelSort;
import io.hubshare.domain.Model;
import io.hubshare.error.ServerErrorException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCrawlTest {
  static final Instant T0 = Instant.parse("2026-08-01T00:00:00Z");
  static final ModelQuery QUERY = ModelQuery.builder().sort(ModelSort.DOWNLOADS).pageSize(50)
      .expand("downloadsAllTime", "createdAt").build();

  @TempDir Path dir;
  final List<String> lines = SampleModels.lines();
  final List<Model> models = SampleModels.models();

  static Snapshots snapshots(FakeModels fake) {
    return new Snapshots(fake, "huggingface", URI.create("https://huggingface.co/"));
  }

  static CrawlOptions.Builder options() {
    return CrawlOptions.builder().clock(new StepClock(T0, Duration.ofMinutes(1)));
  }

  static List<String> rawLines(Path file) throws IOException {
    try (Snapshot s = Snapshots.open(file)) {
      return s.rawLines().toList();
    }
  }

  @Test
  void freshCrawlWritesHeaderThenEveryModelVerbatimInOrder() throws IOException {
    FakeModels fake = new FakeModels(models, 50);
    Path out = dir.resolve("hub.jsonl.gz");
    List<CrawlProgress> heard = new ArrayList<>();

    CrawlResult r = snapshots(fake).crawl(QUERY, out, options().listener(heard::add).build());

    assertThat(fake.queries).containsExactly(QUERY); // the first page: no cursor, no limit
    assertThat(r.models()).isEqualTo(240);
    assertThat(r.pages()).isEqualTo(5);
    assertThat(r.duplicates()).isZero();
    assertThat(r.resumed()).isFalse();
    assertThat(heard).extracting(CrawlProgress::pages).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(heard).extracting(CrawlProgress::models).containsExactly(50L, 100L, 150L, 200L, 240L);
    try (Snapshot s = Snapshots.open(out)) {
      SnapshotHeader h = s.header();
      assertThat(h).isEqualTo(r.header());
      assertThat(h.formatVersion()).isEqualTo(1);
      assertThat(h.hub()).isEqualTo("huggingface");
      assertThat(h.endpoint()).isEqualTo("https://huggingface.co");
      assertThat(h.query()).isEqualTo("sort=downloads&limit=50&expand=downloadsAllTime&expand=createdAt");
      assertThat(h.startedAt()).isEqualTo(T0);
      assertThat(h.completedAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
      assertThat(h.count()).isEqualTo(240);
      assertThat(h.limit()).isNull();
      assertThat(s.rawLines().toList()).isEqualTo(lines);
      assertThat(s.stream().map(Model::id).toList()).isEqualTo(models.stream().map(Model::id).toList());
    }
    assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("hub.jsonl.gz");
  }

  @Test
  void failureAtPageKThenResumeWritesEveryModelExactlyOnceInOrder() throws IOException {
    FakeModels fake = new FakeModels(models, 50).failAtPage(3);
    Path out = dir.resolve("hub.jsonl.gz");
    Snapshots snapshots = snapshots(fake);

    assertThatThrownBy(() -> snapshots.crawl(QUERY, out, options().build()))
        .isInstanceOf(ServerErrorException.class);
    assertThat(out).doesNotExist();
    assertThat(dir.resolve("hub.jsonl.gz.partial")).exists();
    Checkpoint saved = Checkpoint.read(dir.resolve("hub.jsonl.gz.checkpoint"));
    assertThat(saved.count()).isEqualTo(100);
    assertThat(saved.pages()).isEqualTo(2);
    assertThat(saved.cursor()).isEqualTo(FakeModels.cursor(100));
    assertThat(saved.bytes()).isEqualTo(Files.size(dir.resolve("hub.jsonl.gz.partial")));

    List<CrawlProgress> heard = new ArrayList<>();
    CrawlResult r = snapshots.crawl(QUERY, out, options().resume(true).listener(new CrawlListener() {
      @Override
      public void onStart(CrawlProgress p) {
        heard.add(p);
      }

      @Override
      public void onPage(CrawlProgress p) {
        heard.add(p);
      }
    }).build());

    assertThat(fake.queries).hasSize(2);
    assertThat(fake.queries.get(1)).isEqualTo(QUERY.toBuilder().cursor(FakeModels.cursor(100)).build());
    assertThat(heard.get(0)).isEqualTo(new CrawlProgress(2, 100, 0, null, true));
    assertThat(r.resumed()).isTrue();
    assertThat(r.pages()).isEqualTo(5);
    assertThat(r.models()).isEqualTo(240);
    assertThat(r.header().startedAt()).isEqualTo(saved.startedAt()); // the first run's start, kept in the checkpoint
    assertThat(rawLines(out)).isEqualTo(lines);
    assertThat(dir.resolve("hub.jsonl.gz.partial")).doesNotExist();
    assertThat(dir.resolve("hub.jsonl.gz.checkpoint")).doesNotExist();
  }

  @Test
  void freshCrawlRefusesAnInterruptedCrawlsStateAndSaysToPassResume() throws IOException {
    Path out = dir.resolve("hub.jsonl.gz");
    assertThatThrownBy(() -> snapshots(new FakeModels(models, 50).failAtPage(2)).crawl(QUERY, out))
        .isInstanceOf(ServerErrorException.class);
    byte[] partial = Files.readAllBytes(dir.resolve("hub.jsonl.gz.partial"));

    FakeModels second = new FakeModels(models, 50);
    assertThatThrownBy(() -> snapshots(second).crawl(QUERY, out))
        .isInstanceOfSatisfying(CrawlStateException.class, e -> {
          assertThat(e.reason()).isEqualTo(CrawlStateException.Reason.INTERRUPTED);
          assertThat(e.out()).isEqualTo(out);
          assertThat(e.stateFiles()).containsExactly(dir.resolve("hub.jsonl.gz.partial"),
              dir.resolve("hub.jsonl.gz.checkpoint"));
        })
        .hasMessageContaining("resume(true)")
        .hasMessageContaining("hub.jsonl.gz.partial");
    assertThat(second.queries).isEmpty();
    assertThat(dir.resolve("hub.jsonl.gz.partial")).hasBinaryContent(partial);
  }

  @Test
  void aCrawlWhoseFirstPageFailedLeavesNothingAndSimplyRunsAgain() throws IOException {
    Path out = dir.resolve("hub.jsonl.gz");
    assertThatThrownBy(() -> snapshots(new FakeModels(models, 50).failAtPage(1)).crawl(QUERY, out))
        .isInstanceOf(ServerErrorException.class);
    assertThat(Files.list(dir)).isEmpty();

    CrawlResult r = snapshots(new FakeModels(models, 50)).crawl(QUERY, out, options().build());

    assertThat(r.resumed()).isFalse();
    assertThat(r.models()).isEqualTo(240);
    assertThat(rawLines(out)).isEqualTo(lines);
  }

  @Test
  void stateKilledBeforeItsFirstPageIsStartedAgainWithoutResume() throws IOException {
    Path out = dir.resolve("hub.jsonl.gz");
    // Killed mid first page: a partial without checkpoint, or with the checkpoint of no page (another query's).
    Files.write(dir.resolve("hub.jsonl.gz.partial"), new byte[] {0x1f, (byte) 0x8b, 8});
    assertThat(snapshots(new FakeModels(models, 50)).crawl(QUERY, out, options().build()).models()).isEqualTo(240);
    assertThat(rawLines(out)).isEqualTo(lines);

    Path other = dir.resolve("other.jsonl.gz");
    Checkpoint.start("huggingface", "https://huggingface.co", "author=Qwen", null, T0, null)
        .write(dir.resolve("other.jsonl.gz.checkpoint"));
    Files.write(dir.resolve("other.jsonl.gz.partial"), new byte[] {0x1f, (byte) 0x8b, 8});
    CrawlResult r = snapshots(new FakeModels(models, 50)).crawl(QUERY, other, options().resume(true).build());

    assertThat(r.resumed()).isFalse();
    assertThat(rawLines(other)).isEqualTo(lines);
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .containsExactlyInAnyOrder("hub.jsonl.gz", "other.jsonl.gz");
  }

  @Test
  void refusesAnExistingOutputUnlessToldToOverwrite() throws IOException {
    Path out = dir.resolve("hub.jsonl.gz");
    Files.writeString(out, "keep me");
    FakeModels fake = new FakeModels(models, 50);

    assertThatThrownBy(() -> snapshots(fake).crawl(QUERY, out))
        .isInstanceOfSatisfying(CrawlStateException.class,
            e -> assertThat(e.reason()).isEqualTo(CrawlStateException.Reason.OUTPUT_EXISTS))
        .hasMessageContaining("exists").hasMessageContaining("overwrite");
    assertThat(fake.queries).isEmpty();
    assertThat(out).hasContent("keep me");

    snapshots(fake).crawl(QUERY, out, options().overwrite(true).build());
    assertThat(rawLines(out)).isEqualTo(lines);
  }

  @Test
  void resumeWithAnotherQueryIsRefused() throws IOException {
    Path out = dir.resolve("hub.jsonl.gz");
    assertThatThrownBy(() -> snapshots(new FakeModels(models, 50).failAtPage(2)).crawl(QUERY, out))
        .isInstanceOf(ServerErrorException.class);
    ModelQuery other = QUERY.toBuilder().author("Qwen").build();
    FakeModels fake = new FakeModels(models, 50);

    assertThatThrownBy(() -> snapshots(fake).crawl(other, out, options().resume(true).build()))
        .isInstanceOfSatisfying(CrawlStateException.class,
            e -> assertThat(e.reason()).isEqualTo(CrawlStateException.Reason.OTHER_LISTING))
        .hasMessageContaining("'sort=downloads&limit=50&expand=downloadsAllTime&expand=createdAt'")
        .hasMessageContaining("author=Qwen")
        .hasMessageContaining("same query");
    assertThat(fake.queries).isEmpty();

    ModelQuery limited = QUERY.toBuilder().limit(100).build();
    assertThatThrownBy(() -> snapshots(fake).crawl(limited, out, options().resume(true).build()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("limit 100");
    assertThat(Checkpoint.read(dir.resolve("hub.jsonl.gz.checkpoint")).count()).isEqualTo(50);
  }

  @Test
  void aModelListedAgainOnALaterPageIsWrittenOnceAndCounted() throws IOException {
    Model moving = models.get(3);
    FakeModels fake = new FakeModels(models, 50).moveAfterPage(1, moving, 70); // page 2 lists it again
    Path out = dir.resolve("hub.jsonl.gz");

    CrawlResult r = snapshots(fake).crawl(QUERY, out, options().build());

    List<String> ids;
    try (Snapshot s = Snapshots.open(out)) {
      ids = s.stream().map(Model::id).toList();
    }
    assertThat(r.duplicates()).isEqualTo(1);
    assertThat(ids).doesNotHaveDuplicates().hasSize((int) r.models());
    assertThat(ids.indexOf(moving.id())).isEqualTo(3); // kept where it was first listed
  }

  @Test
  void limitCapsTheModelsWrittenAcrossAResume() throws IOException {
    ModelQuery limited = QUERY.toBuilder().limit(120).build();
    FakeModels fake = new FakeModels(models, 50).failAtPage(2);
    Path out = dir.resolve("top.jsonl.gz");
    assertThatThrownBy(() -> snapshots(fake).crawl(limited, out, options().build())).isInstanceOf(ServerErrorException.class);

    CrawlResult r = snapshots(fake).crawl(limited, out, options().resume(true).build());

    assertThat(fake.queries.get(1).limit()).isEqualTo(70);
    assertThat(fake.queries.get(1).cursor()).isEqualTo(FakeModels.cursor(50));
    assertThat(r.models()).isEqualTo(120);
    assertThat(r.header().limit()).isEqualTo(120);
    assertThat(rawLines(out)).isEqualTo(lines.subList(0, 120));
  }

  @Test
  void anEmptyListingWritesAHeaderOnlySnapshot() throws IOException {
    Path out = dir.resolve("none.jsonl.gz");
    CrawlResult r = snapshots(new FakeModels(List.of(), 50)).crawl(QUERY, out, options().build());
    assertThat(r.models()).isZero();
    assertThat(rawLines(out)).isEmpty();
  }

  @Test
  void aListingThatEndedBeforeTheFinalFileWasWrittenFinishesWithoutFetching() throws IOException {
    Path out = dir.resolve("hub.jsonl.gz");
    FakeModels fake = new FakeModels(models, 50);
    CrawlListener failOnLastPage = p -> {
      if (p.models() == 240) throw new IllegalStateException("killed");
    };
    assertThatThrownBy(() -> snapshots(fake).crawl(QUERY, out, options().listener(failOnLastPage).build()))
        .hasMessage("killed");
    Path checkpoint = dir.resolve("hub.jsonl.gz.checkpoint");
    assertThat(Checkpoint.read(checkpoint).done()).isTrue();
    byte[] doneState = Files.readAllBytes(checkpoint);

    CrawlResult r = snapshots(fake).crawl(QUERY, out, options().resume(true).build());
    assertThat(fake.pagesFetched()).isEqualTo(5);
    assertThat(r.models()).isEqualTo(240);
    assertThat(rawLines(out)).isEqualTo(lines);

    // Killed after the final rename but before the state was removed: resume only tidies up.
    Files.write(checkpoint, doneState);
    CrawlResult again = snapshots(fake).crawl(QUERY, out, options().resume(true).build());
    assertThat(again.header()).isEqualTo(r.header());
    assertThat(fake.pagesFetched()).isEqualTo(5);
    assertThat(checkpoint).doesNotExist();
  }
}
