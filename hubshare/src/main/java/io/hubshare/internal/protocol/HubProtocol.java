package io.hubshare.internal.protocol;

import io.hubshare.domain.Account;
import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.hub.ModelQuery;
import io.hubshare.internal.transport.Authorizer;
import io.hubshare.internal.transport.ErrorMapper;
import io.hubshare.internal.transport.Transport;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The seam between hubshare and one hub: everything that differs from hub to hub. The client above it (caches,
 * lazy paging, closing) and the transport below it (retries, pacing, redirects, the disk cache) are the same for
 * every hub.
 *
 * <p>An implementation is a package under {@code io.hubshare.internal}, registered as a service
 * ({@code provides} in {@code module-info.java} and {@code META-INF/services}); {@link #of(Hub)} finds it. It is
 * stateless and thread-safe; each method receives the endpoint and the transport it works with.
 */
public interface HubProtocol {

  /** The hub this speaks to. */
  Hub hub();

  /** The hub's environment variables and token file. */
  Discovery discovery();

  /** How the token travels: a bearer header, a cookie on some paths. */
  Authorizer authorizer();

  /** The hub's error codes and statuses mapped to hubshare's exceptions. */
  ErrorMapper errors(HttpUrl endpoint, Clock clock);

  /**
   * Checks a model id against the hub's rules, before any request.
   *
   * @return the id as the hub spells it for a request
   * @throws IllegalArgumentException naming what is wrong
   */
  String requireModelId(String id);

  /**
   * Reads one model's info.
   *
   * @param revision a branch, tag or commit, or {@code null} for the default
   * @param expand the fields to ask for, or empty for the hub's default fields
   * @throws IllegalArgumentException if the hub cannot answer such a request (a revision, expand fields)
   * @throws io.hubshare.error.HubException for a failed request or an unreadable answer
   */
  Model model(Transport transport, HttpUrl endpoint, String id, @Nullable String revision, List<String> expand);

  /**
   * The URL of a listing's first page, or of the page its {@link ModelQuery#cursor()} resumes at.
   *
   * @throws IllegalArgumentException if the hub cannot list by what the query asks (naming it) or the cursor is not
   *     one of this hub's
   */
  HttpUrl firstPage(HttpUrl endpoint, ModelQuery query);

  /**
   * The request a listing sends, as a snapshot records it: the hub's own parameters, readable, without cursor or
   * total limit.
   */
  List<Map.Entry<String, String>> describe(ModelQuery query);

  /** Fetches and reads the page at {@code url}, with the URL and cursor of the next one. */
  ListPage page(Transport transport, HttpUrl endpoint, HttpUrl url);

  /**
   * Whether {@link #pageFields} is implemented: the hub has a field reader for its listings' pages.
   */
  default boolean readsPageFields() {
    return false;
  }

  /**
   * Fetches the page at {@code url} and reads only the fields {@code request} asks for of each model, as
   * {@link #page} reads it otherwise: the same next page, cursor and failures, and fields equal to those of the
   * models {@link #page} would read (a body the field reader cannot take on itself is read the full way). As soon as
   * the response's headers arrive, before its body is read, {@code listener} is told the next page's URL, or
   * {@code null} on the last page; it is told nothing when the headers name no usable next page (the page then
   * fails as {@link #page} fails), and it may be told again when the request is retried. The returned page's
   * {@link FieldPage#next()} is the one that counts. Before each attempt is sent, {@code listener} is told how to
   * cancel it.
   *
   * @throws UnsupportedOperationException unless {@link #readsPageFields()}
   */
  default FieldPage pageFields(Transport transport, HttpUrl endpoint, HttpUrl url, StoredFields.Request request,
      FieldPage.Listener listener) {
    throw new UnsupportedOperationException(hub() + " has no field reader for its listings");
  }

  /**
   * An organisation's or user's overview.
   *
   * @throws io.hubshare.error.RepositoryNotFoundException if the hub knows no such account
   * @throws UnsupportedOperationException if the hub has no account API
   */
  Account account(Transport transport, HttpUrl endpoint, String name);

  /**
   * Reads a model as a snapshot stores it: the hub's own JSON for one model, as its API sent it.
   *
   * @throws io.hubshare.error.MalformedResponseException (or a subclass) when the line is not such a model
   */
  Model readStored(String json);

  /**
   * A reader of a few fields of each stored model, for computations that need only those: the inflated bytes of a
   * whole snapshot file, its header line first when {@code headerLine} (a hubshare snapshot; else JSON Lines of the
   * list API's objects alone). {@code null} when this hub has none; callers then read models.
   */
  default StoredFields.@Nullable Reader storedFields(java.io.InputStream snapshotBytes, StoredFields.Request request,
      boolean headerLine) throws java.io.IOException {
    return null;
  }

  /**
   * The implementation for a hub.
   *
   * @throws IllegalArgumentException if hubshare has none for it, naming the hubs it has
   */
  static HubProtocol of(Hub hub) {
    return Registry.of(hub);
  }

  /** The hubs hubshare has an implementation for. */
  static List<Hub> available() {
    return Registry.hubs();
  }

  /** Implementations found once, through {@link ServiceLoader}. */
  final class Registry {
    private static final List<HubProtocol> ALL = ServiceLoader.load(HubProtocol.class, HubProtocol.class.getClassLoader())
        .stream().map(ServiceLoader.Provider::get).toList();

    private Registry() {}

    static HubProtocol of(Hub hub) {
      for (HubProtocol p : ALL) {
        if (p.hub().equals(hub)) return p;
      }
      throw new IllegalArgumentException("hubshare does not speak to the hub '" + hub + "'; it knows " + hubs());
    }

    static List<Hub> hubs() {
      return ALL.stream().map(HubProtocol::hub).toList();
    }
  }
}
