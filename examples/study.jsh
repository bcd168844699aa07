// The study's measure in JShell: share of downloads of new models by the developer's country, for models created in
// the twelve months before the snapshot, credited by uploader and by lineage root, with the unknown bucket shown.
// Offline: it reads the bundled real sample. From the project's root, after `mvn -q package -DskipTests`:
//
//   jshell -R-Djava.awt.headless=true --class-path target/hubshare-cli.jar examples/study.jsh
//
// The sample has no all-time download counts, so this uses 30-day downloads; on a crawl of your own made with
// `hubshare crawl --expand downloadsAllTime ...`, use Metric.DOWNLOADS_ALL_TIME (first-year downloads).

import io.hubshare.analytics.*
import io.hubshare.lineage.*
import io.hubshare.snapshot.*
import java.nio.file.*
import java.time.*

Snapshot sample = Snapshots.open(Path.of("examples/data/hub-sample-2026-08.jsonl.gz"))
System.out.println(sample.header())

Instant end = sample.header().completedAt()
Instant start = end.atZone(ZoneOffset.UTC).minusYears(1).toInstant()
Shares newModels = Shares.by(Dimension.COUNTRY).metric(Metric.DOWNLOADS).createdBetween(start, end)

ShareTable byUploader = newModels.compute(sample)
System.out.println(byUploader.toText(10))

ShareTable byRoot = newModels.attribution(Attribution.ROOT).lineage(LineageIndex.of(sample)).compute(sample)
System.out.println(byRoot.toText(10))

System.out.printf("China %.1f%% vs United States %.1f%% by uploader; %.1f%% vs %.1f%% by lineage root; unknown %.1f%%%n",
    100 * byUploader.share("CN"), 100 * byUploader.share("US"), 100 * byRoot.share("CN"), 100 * byRoot.share("US"),
    100 * byUploader.unknown().share())

// Who leads: organisations, and the families (lineage roots) that gather the most downloads.
System.out.println(Shares.by(Dimension.ORGANIZATION).createdBetween(start, end).compute(sample).toText(10))
System.out.println(Shares.by(Dimension.FAMILY).attribution(Attribution.ROOT).lineage(LineageIndex.of(sample)).compute(sample).toText(10))

// The same table as JSON or CSV, for a notebook or a spreadsheet.
Files.writeString(Path.of("target/study-by-root.json"), byRoot.toJson())
Files.writeString(Path.of("target/study-by-root.csv"), byRoot.toCsv())

// The chart: the same code as examples/StudyShares.java.
/open examples/StudyShares.java
StudyShares.writeChart(Path.of("target/study-shares.png"), byUploader, byRoot, 10)
System.out.println("wrote target/study-shares.png, target/study-by-root.json and .csv")
sample.close()
/exit
