package io.hubshare.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.error.ServerErrorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library is quiet unless asked: whatever it logs is at DEBUG (JUL's FINE) or below, so that neither a JShell
 * session nor a test run nor an application's console shows lines it did not ask for.
 */
class CrawlLoggingTest {
  private final Logger hubshare = Logger.getLogger("io.hubshare"); // held: JUL keeps loggers weakly
  private final Level previous = hubshare.getLevel();
  private final List<LogRecord> records = new ArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public synchronized void publish(LogRecord r) {
      records.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @TempDir Path dir;

  @BeforeEach
  void listen() {
    capture.setLevel(Level.ALL);
    hubshare.setLevel(Level.ALL);
    hubshare.addHandler(capture);
  }

  @AfterEach
  void stop() {
    hubshare.removeHandler(capture);
    hubshare.setLevel(previous);
  }

  @Test
  void aFailedCrawlResumedAndFinishedLogsOnlyAtDebug() throws IOException {
    Path out = dir.resolve("hub.jsonl.gz");
    Snapshots snapshots = SnapshotCrawlTest.snapshots(new FakeModels(SampleModels.models(), 50).failAtPage(3));
    assertThatThrownBy(() -> snapshots.crawl(SnapshotCrawlTest.QUERY, out))
        .isInstanceOf(ServerErrorException.class);
    // Bytes after the last checkpoint, as a kill mid-page leaves them: dropped at resume.
    Files.write(dir.resolve("hub.jsonl.gz.partial"), new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);

    snapshots.crawl(SnapshotCrawlTest.QUERY, out, CrawlOptions.builder().resume(true).build());

    assertThat(records).extracting(r -> r.getMessage())
        .contains("resuming the crawl of {0} after {1} pages ({2} models)", "wrote {0}: {1} models in {2} page(s)",
            "dropping {0} bytes of {1} written after the last checkpoint");
    assertThat(records).allSatisfy(r -> assertThat(r.getLevel().intValue()).isLessThanOrEqualTo(Level.FINE.intValue()));
  }

  @Test
  void noLibrarySourceLogsAboveDebug() throws IOException {
    Pattern loud = Pattern.compile("Level\\.(INFO|WARNING|ERROR)\\b");
    List<String> found = new ArrayList<>();
    int read = 0;
    try (Stream<Path> files = Files.walk(Path.of("hubshare/src/main/java"))) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        read++;
        Matcher m = loud.matcher(Files.readString(f));
        while (m.find()) found.add(f + ": " + m.group());
      }
    }
    assertThat(read).as("library sources read").isGreaterThan(100);
    assertThat(found).isEmpty();
  }
}
