package io.hubshare.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code shares --across-hubs}: one population over several hubs' snapshots, refused when it would mislead. */
class SharesAcrossHubsTest {
  private static final String SAMPLE = "examples/data/hub-sample-2026-08.jsonl.gz";

  @Test
  void twoSnapshotsOfOneHubAreNotAPopulationAcrossHubs() {
    CliRun.Result r = CliRun.run("shares", "--by", "country", "--from", SAMPLE, "--from", SAMPLE, "--across-hubs");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("each hub gives one snapshot; Hugging Face has 2");
  }

  @Test
  void oneSnapshotIsRefusedBeforeAnythingIsRead() {
    CliRun.Result r = CliRun.run("shares", "--by", "hub", "--from", SAMPLE, "--across-hubs");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--across-hubs needs a snapshot of each hub");
  }

  @Test
  void theHubDimensionNamesTheHubOfEveryModel() {
    CliRun.Result r = CliRun.run("shares", "--by", "hub", "--from", SAMPLE, "--format", "csv");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("huggingface").contains("Hugging Face").doesNotContain("modelscope");
  }
}
