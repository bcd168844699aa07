package io.hubshare.internal.modelscope;

import com.fasterxml.jackson.databind.JsonNode;
import io.hubshare.domain.Account;
import io.hubshare.domain.Hub;
import io.hubshare.domain.Model;
import io.hubshare.error.MalformedResponseException;
import io.hubshare.error.RepositoryNotFoundException;
import io.hubshare.hub.ModelIds;
import io.hubshare.hub.ModelQuery;
import io.hubshare.internal.protocol.Discovery;
import io.hubshare.internal.protocol.HubProtocol;
import io.hubshare.internal.protocol.ListPage;
import io.hubshare.internal.protocol.WireFormatException;
import io.hubshare.internal.transport.Authorizer;
import io.hubshare.internal.transport.ErrorMapper;
import io.hubshare.internal.transport.HubRequest;
import io.hubshare.internal.transport.HubResponse;
import io.hubshare.internal.transport.Transport;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * ModelScope, as its official SDKs call it: listings from {@code GET /openapi/v1/models} paged by page number (at
 * most 50 a page, never past the first 3,000 results of a query), one model from
 * {@code GET /openapi/v1/models/{owner}/{name}} with the legacy {@code GET /api/v1/models/{owner}/{name}} when the
 * OpenAPI does not know it (as modelscope_hub's {@code get_repo} does), for a revision, and for the model card
 * (base models); a bearer token on the OpenAPI, the {@code m_session_id} cookie on the legacy API; errors reported
 * by status or inside HTTP 200 bodies; {@code MODELSCOPE_*} discovery. ModelScope has no account API.
 */
public final class ModelScopeProtocol implements HubProtocol {
  private static final System.Logger LOG = System.getLogger(ModelScopeProtocol.class.getName());

  /** The expand names that ask for the model card, which only the legacy body carries. */
  static final Set<String> CARD_FIELDS = Set.of("baseModels", "cardData");

  private final Discovery discovery;

  /** The protocol, its credentials file read against the system clock. */
  public ModelScopeProtocol() {
    this(Clock.systemUTC());
  }

  ModelScopeProtocol(Clock clock) {
    this.discovery = new MsDiscovery(clock);
  }

  @Override
  public Hub hub() {
    return Hub.MODELSCOPE;
  }

  @Override
  public Discovery discovery() {
    return discovery;
  }

  @Override
  public Authorizer authorizer() {
    return MsAuthorizer.INSTANCE;
  }

  @Override
  public ErrorMapper errors(HttpUrl endpoint, Clock clock) {
    return new MsErrors(endpoint, clock);
  }

  /** ModelScope ids always have an owner: {@code owner/name}. */
  @Override
  public String requireModelId(String id) {
    ModelIds.requireValid(id);
    if (id.indexOf('/') < 0) {
      throw new IllegalArgumentException("not a ModelScope model id: '" + id + "' (expected owner/name)");
    }
    return id;
  }

  /**
   * One model. Without a revision or card fields: the OpenAPI, then the legacy call if the OpenAPI does not know
   * the id. With a revision, or {@code expand} naming {@code baseModels} or {@code cardData}: the legacy call, whose
   * body carries the card. Other expand names must be fields every ModelScope model carries anyway.
   */
  @Override
  public Model model(Transport transport, HttpUrl endpoint, String id, @Nullable String revision,
      List<String> expand) {
    requireModelId(id);
    boolean card = false;
    for (String e : expand) {
      if (CARD_FIELDS.contains(e)) {
        card = true;
      } else if (!MsQuery.ALWAYS_THERE.contains(e)) {
        throw new IllegalArgumentException("ModelScope has no field '" + e + "' to expand: its models always carry "
            + MsQuery.ALWAYS_THERE.stream().sorted().toList() + ", and baseModels or cardData read the model card");
      }
    }
    MsUrls urls = new MsUrls(endpoint);
    if (revision != null || card) return legacy(transport, urls, id, revision);
    try {
      HttpUrl url = urls.openApiModel(id);
      HubRequest request = new HubRequest(url, HubRequest.Kind.MODEL_INFO, id, null);
      return transport.read(request, response -> decode(response, () -> one(response, request, id)));
    } catch (RepositoryNotFoundException notInOpenApi) {
      LOG.log(Level.DEBUG, () -> "the OpenAPI does not know " + id + "; asking the legacy API");
      return legacy(transport, urls, id, null);
    }
  }

  private Model legacy(Transport transport, MsUrls urls, String id, @Nullable String revision) {
    HttpUrl url = urls.legacyModel(id, revision);
    HubRequest request = new HubRequest(url, HubRequest.Kind.MODEL_INFO, id, revision);
    return transport.read(request, response -> decode(response, () -> one(response, request, id)));
  }

  private static Model one(HubResponse response, HubRequest request, String id) {
    MsEnvelope.payload(response, request, MsErrors.TOKEN_VARIABLE);
    List<String> raw = MsJson.slices(response.body(), false);
    if (raw.isEmpty()) throw new WireFormatException("the envelope's data is not a model object");
    Model model = MsModels.read(raw.get(0), id);
    // A poisoned cache or a confused mirror must not pass another model off as the one asked for.
    if (!model.id().equalsIgnoreCase(id)) {
      throw new MalformedResponseException("asked for model '" + id + "', the hub answered with '" + model.id()
          + "' (GET " + response.url().encodedPath() + ")", response.status(), null, response.requestId(),
          response.url().toString(), null);
    }
    return model;
  }

  @Override
  public HttpUrl firstPage(HttpUrl endpoint, ModelQuery query) {
    return new MsUrls(endpoint).modelList(MsQuery.parameters(query), MsQuery.start(query));
  }

  @Override
  public List<Map.Entry<String, String>> describe(ModelQuery query) {
    return MsQuery.describe(query);
  }

  /**
   * One page, with the next one while the listing has more and it lies within the first 3,000 results. A listing
   * that the cap cuts short ends there, with a warning naming how many results the query has.
   */
  @Override
  public ListPage page(Transport transport, HttpUrl endpoint, HttpUrl url) {
    MsQuery.PageAt at = MsUrls.pageOf(url);
    HubRequest request = new HubRequest(url, HubRequest.Kind.MODEL_LIST, null, null);
    return transport.read(request, response -> decode(response, () -> {
      JsonNode data = MsEnvelope.payload(response, request, MsErrors.TOKEN_VARIABLE);
      List<Model> models = new ArrayList<>();
      for (String raw : MsJson.slices(response.body(), true)) models.add(MsModels.read(raw, null));
      Long total = MsJson.count(MsJson.first(data, "total_count", "TotalCount", "total"));
      long seen = (long) (at.number() - 1) * at.size() + models.size();
      boolean more = total != null ? seen < total && !models.isEmpty() : models.size() == at.size();
      MsQuery.PageAt next = at.next();
      if (more && !next.reachable()) {
        // The page's total tells the caller (Page.total()); the library itself logs at DEBUG only.
        LOG.log(Level.DEBUG, () -> "GET " + url.encodedPath() + "?" + url.encodedQuery() + ": ModelScope serves "
            + "only the first " + MsQuery.MAX_RESULTS + " results of a query, and this one has "
            + (total == null ? "more" : total) + "; the listing stops here (narrow the query, or crawl the hub, "
            + "which partitions it)");
        more = false;
      }
      return more ? new ListPage(models, MsUrls.atPage(url, next), next.cursor(), total)
          : new ListPage(models, null, null, total);
    }));
  }

  /** ModelScope has no account API (only {@code /openapi/v1/users/me}, the token's own user). */
  @Override
  public Account account(Transport transport, HttpUrl endpoint, String name) {
    throw new UnsupportedOperationException("ModelScope has no account API: what it says of an organisation comes "
        + "with each model (the legacy body's Organization, kept in Model.rawJson())");
  }

  @Override
  public Model readStored(String json) {
    return MsModels.read(json, null);
  }

  /** Reads a body, turning a wire-format failure into the exception that names the request. */
  private static <T> T decode(HubResponse r, Supplier<T> reader) {
    try {
      return reader.get();
    } catch (WireFormatException e) {
      throw new MalformedResponseException("unreadable response from GET " + r.url().encodedPath() + ": "
          + e.getMessage(), r.status(), null, r.requestId(), r.url().toString(), e);
    }
  }

  @Override
  public String toString() {
    return "HubProtocol[modelscope]";
  }
}
