package io.hubshare;

import io.hubshare.internal.hf.HfProtocol;
import io.hubshare.hub.Page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.error.MalformedResponseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The pager alone, over an in-memory "hub" of three pages: 1-3, 4-6, 7-8. */
class PagerTest {
  private static final HttpUrl P1 = HttpUrl.get("https://hub.example/api/models?limit=3");
  private static final HttpUrl P2 = HttpUrl.get("https://hub.example/api/models?limit=3&cursor=c2");
  private static final HttpUrl P3 = HttpUrl.get("https://hub.example/api/models?limit=3&cursor=c3");
  private static final Map<HttpUrl, Pager.Fetched<Integer>> PAGES = Map.of(
      P1, new Pager.Fetched<>(List.of(1, 2, 3), P2, HfProtocol.cursorOf(P2)),
      P2, new Pager.Fetched<>(List.of(4, 5, 6), P3, HfProtocol.cursorOf(P3)),
      P3, new Pager.Fetched<>(List.of(7, 8), null, null));

  private final List<HttpUrl> fetched = new ArrayList<>();

  private Pager<Integer> pager(@Nullable Long limit) {
    return new Pager<>(P1, limit, url -> {
      fetched.add(url);
      return PAGES.get(url);
    });
  }

  @Test
  void nothingIsFetchedUntilIterationStarts() {
    Pager<Integer> pager = pager(null);
    Iterator<Integer> it = pager.iterator();
    pager.pages().iterator();
    pager.stream();
    assertThat(fetched).isEmpty();
    assertThat(it.next()).isEqualTo(1);
    assertThat(fetched).containsExactly(P1);
  }

  @Test
  void nextPageIsFetchedOnlyWhenTheCurrentOneIsUsedUp() {
    Iterator<Integer> it = pager(null).iterator();
    assertThat(List.of(it.next(), it.next(), it.next())).containsExactly(1, 2, 3);
    assertThat(fetched).containsExactly(P1);
    assertThat(it.next()).isEqualTo(4);
    assertThat(fetched).containsExactly(P1, P2);
  }

  @Test
  void yieldsEveryItemInOrderAndStopsWithoutLink() {
    List<Integer> all = new ArrayList<>();
    pager(null).forEach(all::add);
    assertThat(all).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    assertThat(fetched).containsExactly(P1, P2, P3);
  }

  @Test
  void streamLimitStopsFetching() {
    assertThat(pager(null).stream().limit(2).toList()).containsExactly(1, 2);
    assertThat(fetched).containsExactly(P1);
    fetched.clear();
    assertThat(pager(null).stream().limit(4).toList()).containsExactly(1, 2, 3, 4);
    assertThat(fetched).containsExactly(P1, P2);
  }

  @Test
  void pagesCarryTheCursorOfTheNextLink() {
    List<Page<Integer>> pages = new ArrayList<>();
    pager(null).pages().forEach(pages::add);
    assertThat(pages).extracting(Page::nextCursor).containsExactly("c2", "c3", null);
    assertThat(pages.get(2).hasNext()).isFalse();
  }

  @Test
  void cursorIsTheWholeUrlWhenTheLinkHasNoCursorParameter() {
    assertThat(HfProtocol.cursorOf(HttpUrl.get("https://hub.example/api/models?page=2")))
        .isEqualTo("https://hub.example/api/models?page=2");
    assertThat(HfProtocol.cursorOf(HttpUrl.get("https://hub.example/api/models?cursor=abc"))).isEqualTo("abc");
    assertThat(HfProtocol.cursorOf(null)).isNull();
  }

  @Test
  void limitCutsTheLastPageShortAndFetchesNoFurther() {
    List<Page<Integer>> pages = new ArrayList<>();
    pager(5L).pages().forEach(pages::add);
    assertThat(pages).extracting(Page::items).containsExactly(List.of(1, 2, 3), List.of(4, 5));
    // No cursor resumes in the middle of a page.
    assertThat(pages.get(1).nextCursor()).isNull();
    assertThat(fetched).containsExactly(P1, P2);

    fetched.clear();
    assertThat(pager(5L).stream().toList()).containsExactly(1, 2, 3, 4, 5);
    assertThat(fetched).containsExactly(P1, P2);
  }

  @Test
  void limitOnAPageBoundaryKeepsTheCursorForTheNextBatch() {
    List<Page<Integer>> pages = new ArrayList<>();
    pager(3L).pages().forEach(pages::add);
    assertThat(pages).hasSize(1);
    assertThat(pages.get(0).items()).containsExactly(1, 2, 3);
    assertThat(pages.get(0).nextCursor()).isEqualTo("c2");
    assertThat(fetched).containsExactly(P1);
  }

  @Test
  void eachIterationStartsAgainFromTheFirstPage() {
    Pager<Integer> pager = pager(null);
    assertThat(pager.stream().limit(1).toList()).containsExactly(1);
    assertThat(pager.stream().limit(1).toList()).containsExactly(1);
    assertThat(fetched).containsExactly(P1, P1);
  }

  @Test
  void emptyPageWithANextLinkIsSkipped() {
    HttpUrl empty = HttpUrl.get("https://hub.example/api/models?cursor=e");
    Pager<Integer> pager = new Pager<>(empty, null, url -> {
      fetched.add(url);
      return url.equals(empty) ? new Pager.Fetched<>(List.of(), P3, HfProtocol.cursorOf(P3)) : PAGES.get(url);
    });
    assertThat(pager.stream().toList()).containsExactly(7, 8);
  }

  @Test
  void aNextLinkBackToTheSamePageIsAMalformedResponse() {
    Pager<Integer> pager = new Pager<>(P1, null, url -> new Pager.Fetched<>(List.of(1), P1, HfProtocol.cursorOf(P1)));
    Iterator<Integer> it = pager.iterator();
    assertThatThrownBy(it::next).isInstanceOf(MalformedResponseException.class)
        .hasMessageContaining("same page");
  }

  @Test
  void exhaustedIteratorsSayNoSuchElement() {
    Iterator<Page<Integer>> pages = pager(3L).pages().iterator();
    pages.next();
    assertThat(pages.hasNext()).isFalse();
    assertThatThrownBy(pages::next).isInstanceOf(java.util.NoSuchElementException.class);
  }
}
