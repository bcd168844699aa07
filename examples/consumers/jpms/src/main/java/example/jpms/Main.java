package example.jpms;

import io.hubshare.HubClient;
import io.hubshare.analytics.Dimension;
import io.hubshare.analytics.Shares;
import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.error.OfflineException;
import io.hubshare.origin.OriginRegistry;
import io.hubshare.snapshot.Snapshot;
import io.hubshare.snapshot.Snapshots;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** The same uses as the class-path consumer, from a named module on the module path. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    try (Snapshot snapshot = Snapshots.open(Path.of(args[0]))) {
      System.out.println("models: " + Shares.by(Dimension.REGION).compute(snapshot).counts().seen());
    }
    // The origin registry is a resource inside the module: it must load from the module path too.
    System.out.println("origin of Qwen: " + OriginRegistry.bundled().of("Qwen").country());
    Model m = Model.builder(Hub.HUGGING_FACE, "example/model").parameters(8_000_000_000L).build();
    System.out.println("parameters: " + m.parametersOr(0) + ", likes " + likes(m));
    try (HubClient offline = HubClient.builder().endpoint("http://127.0.0.1:9").offline(true).build()) {
      offline.models().get("Qwen/Qwen3-8B");
    } catch (OfflineException expected) {
      System.out.println("offline: " + expected.getClass().getSimpleName());
    }
  }

  private static @Nullable Long likes(Model m) {
    return m.downloads().likes();
  }
}
