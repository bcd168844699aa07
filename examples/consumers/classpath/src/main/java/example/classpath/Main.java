package example.classpath;

import io.hubshare.HubClient;
import io.hubshare.analytics.Dimension;
import io.hubshare.analytics.ShareTable;
import io.hubshare.analytics.Shares;
import io.hubshare.domain.DownloadMetrics;
import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.domain.Relation;
import io.hubshare.error.OfflineException;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.Snapshots;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A class-path application using hubshare as its README shows: a snapshot, a share table, a hand-made model and a
 * client. It declares no dependency but hubshare; JSpecify's annotations compile because hubshare brings them.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Path sample = Path.of(args[0]);
    try (Snapshot snapshot = Snapshots.open(sample)) {
      ShareTable countries = Shares.by(Dimension.COUNTRY).compute(snapshot);
      System.out.println("models: " + countries.counts().seen());
      System.out.println("top country: " + countries.top(1).get(0).key());
      Optional<Model> llama = snapshot.find("meta-llama/Llama-3.1-8B-Instruct");
      System.out.println("found: " + llama.map(Model::id).orElse("none"));
    }

    Model mine = Model.builder(Hub.HUGGING_FACE, "example/tiny-finetune")
        .downloads(DownloadMetrics.of(42L, null))
        .baseModel("Qwen/Qwen3-8B", Relation.FINETUNE)
        .build();
    System.out.println("built: " + mine.id() + " " + mine.relation().label() + " of " + root(mine)
        + ", all-time " + mine.downloads().allTimeOr(0));

    try (HubClient offline = HubClient.builder().endpoint("http://127.0.0.1:9").offline(true).build()) {
      offline.models().get("Qwen/Qwen3-8B");
    } catch (OfflineException expected) {
      System.out.println("offline: " + expected.getClass().getSimpleName());
    }
  }

  private static @Nullable String root(Model m) {
    List<io.hubshare.domain.BaseModel> bases = m.baseModels();
    return bases.isEmpty() ? null : bases.get(0).id();
  }
}
