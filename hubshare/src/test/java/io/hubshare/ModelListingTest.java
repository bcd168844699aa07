package io.hubshare;

import io.hubshare.hub.ModelQuery;
import io.hubshare.hub.ModelSort;
import io.hubshare.hub.Page;
import io.hubshare.hub.PagedIterable;

import static org.assertj.core.api.Assertions.assertThat;

import io.hubshare.domain.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listings through the client's public API, over a fake transport serving the 35 Qwen models of the hub sample in
 * three pages (12, 12, 11). The next links name huggingface.co, as a stand-in hub replaying recorded pages would:
 * the client must move them onto its own endpoint.
 */
class ModelListingTest {
  private static final String LOCAL = "http://127.0.0.1:8080";
  private static final String QUERY = "author=Qwen&sort=downloads&limit=12";
  private static final String C2 = "eyJfaWQiOnsiJGx0IjoiNjg1YmYzIn19";
  private static final String C3 = "eyJfaWQiOnsiJGx0IjoiNjdhMWUwIn19";
  private static final String PAGE1 = LOCAL + "/api/models?" + QUERY;
  private static final String PAGE2 = LOCAL + "/api/models?" + QUERY + "&cursor=" + C2;
  private static final String PAGE3 = LOCAL + "/api/models?" + QUERY + "&cursor=" + C3;

  private final FakeTransport transport = new FakeTransport();
  private final ModelQuery query = ModelQuery.builder().author("Qwen").sort(ModelSort.DOWNLOADS).pageSize(12).build();

  @BeforeEach
  void threePages() {
    transport.answer(PAGE1, Fixtures.qwenPage(1), "Link", "<https://huggingface.co/api/models?" + QUERY + "&cursor="
            + C2 + ">; rel=\"next\"")
        .answer(PAGE2, Fixtures.qwenPage(2), "Link", "<https://huggingface.co/api/models?" + QUERY + "&cursor="
            + C3 + ">; rel=\"next\"")
        .answer(PAGE3, Fixtures.qwenPage(3));
  }

  private HubClient client(boolean cacheListPages) {
    return HubClient.builder().endpoint(LOCAL).environment(Map.of()).cacheListPages(cacheListPages)
        .transportFactory(transport.factory()).build();
  }

  private static List<String> ids(Iterable<Model> models) {
    List<String> ids = new ArrayList<>();
    models.forEach(m -> ids.add(m.id()));
    return ids;
  }

  @Test
  void listingIsLazyAndFollowsRebasedNextLinks() {
    PagedIterable<Model> listing = client(false).models().list(query);
    assertThat(transport.requests()).isEmpty();

    List<String> all = ids(listing);
    assertThat(all).hasSize(35).doesNotHaveDuplicates().allMatch(id -> id.startsWith("Qwen/"));
    assertThat(transport.urls()).containsExactly(PAGE1, PAGE2, PAGE3);
  }

  @Test
  void pageTwoIsFetchedOnlyWhenPageOneIsUsedUp() {
    var it = client(false).models().list(query).iterator();
    for (int i = 0; i < 12; i++) it.next();
    assertThat(transport.urls()).containsExactly(PAGE1);
    it.next();
    assertThat(transport.urls()).containsExactly(PAGE1, PAGE2);
  }

  @Test
  void streamLimitStopsFetching() {
    assertThat(client(false).models().list(query).stream().limit(12).toList()).hasSize(12);
    assertThat(transport.urls()).containsExactly(PAGE1);
  }

  @Test
  void queryLimitStopsAfterThatManyModels() {
    PagedIterable<Model> listing = client(false).models().list(query.toBuilder().limit(20).build());
    assertThat(ids(listing)).hasSize(20);
    assertThat(transport.urls()).containsExactly(PAGE1, PAGE2);
  }

  @Test
  void listingStoppedAfterPageOneAndResumedFromItsCursorYieldsEveryModelOnce() {
    HubClient hub = client(false);
    List<String> seen = new ArrayList<>();
    Page<Model> first = hub.models().list(query).pages().iterator().next();
    first.items().forEach(m -> seen.add(m.id()));
    assertThat(first.nextCursor()).isEqualTo(C2);

    // Later, perhaps in another process: the same query, from the saved cursor.
    seen.addAll(ids(hub.models().list(query.toBuilder().cursor(first.nextCursor()).build())));

    assertThat(seen).hasSize(35).doesNotHaveDuplicates();
    assertThat(seen).containsExactlyElementsOf(ids(client(false).models().list(query)));
    assertThat(transport.urls()).startsWith(PAGE1, PAGE2, PAGE3);
  }

  @Test
  void listingStoppedAfterPageTwoResumesToo() {
    HubClient hub = client(false);
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    for (Page<Model> page : hub.models().list(query).pages()) {
      page.items().forEach(m -> seen.add(m.id()));
      cursor = page.nextCursor();
      if (++pages == 2) break;
    }
    assertThat(cursor).isEqualTo(C3);
    seen.addAll(ids(hub.models().list(query.toBuilder().cursor(cursor).build())));
    assertThat(seen).hasSize(35).doesNotHaveDuplicates();
    assertThat(transport.urls()).containsExactly(PAGE1, PAGE2, PAGE3);
  }

  @Test
  void urlShapedCursorIsFollowedOnTheEndpoint() {
    ModelQuery resume = ModelQuery.builder().cursor("https://huggingface.co/api/models?" + QUERY + "&cursor=" + C3)
        .build();
    assertThat(ids(client(false).models().list(resume))).hasSize(11);
    assertThat(transport.urls()).containsExactly(PAGE3);
  }

  @Test
  void listPagesAreNotCachedByDefault() {
    HubClient hub = client(false);
    hub.models().list(query).stream().limit(1).toList();
    hub.models().list(query).stream().limit(1).toList();
    assertThat(transport.urls()).containsExactly(PAGE1, PAGE1);
    assertThat(hub.cacheStats().requestCount()).isZero();
  }

  @Test
  void listPagesAreCachedWhenAskedFor() {
    HubClient hub = client(true);
    assertThat(ids(hub.models().list(query))).hasSize(35);
    assertThat(ids(hub.models().list(query))).hasSize(35);
    assertThat(transport.urls()).containsExactly(PAGE1, PAGE2, PAGE3);
    assertThat(hub.cacheStats().hitCount()).isEqualTo(3);
    assertThat(hub.cacheStats().estimatedSize()).isEqualTo(3);
  }
}
