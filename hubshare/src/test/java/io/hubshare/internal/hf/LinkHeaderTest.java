package io.hubshare.internal.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hubshare.internal.protocol.WireFormatException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {
  private static final String NEXT = "https://huggingface.co/api/models?limit=3&cursor="
      + "eyIkb3IiOlt7Il9pZCI6eyIkZ3QiOiI2NGY4ZjQ4ZTBmOWIxMjJjNjE3ZTE4NGQifX1dfQ%3D%3D";

  @Test
  void theHubsShape() {
    assertThat(LinkHeader.next("<" + NEXT + ">; rel=\"next\"")).isEqualTo(NEXT);
  }

  @Test
  void severalLinksInAnyOrder() {
    String prev = "https://huggingface.co/api/models?limit=3&cursor=abc";
    assertThat(LinkHeader.next("<" + prev + ">; rel=\"prev\", <" + NEXT + ">; rel=\"next\"")).isEqualTo(NEXT);
    assertThat(LinkHeader.next("<" + NEXT + ">; rel=\"next\",<" + prev + ">; rel=\"prev\"")).isEqualTo(NEXT);
  }

  @Test
  void spacingQuotingCaseAndOtherParameters() {
    assertThat(LinkHeader.next("<" + NEXT + ">;rel=next")).isEqualTo(NEXT);
    assertThat(LinkHeader.next("  < " + NEXT + " >  ;  REL = \"Next\"  ")).isEqualTo(NEXT);
    assertThat(LinkHeader.next("<" + NEXT + ">; title=\"a; b, c\"; rel=\"next last\"")).isEqualTo(NEXT);
    assertThat(LinkHeader.next("</api/models?cursor=x>; rel=\"next\"")).isEqualTo("/api/models?cursor=x");
  }

  @Test
  void commasInsideTheUrl() {
    String url = "https://huggingface.co/api/models?expand=a,b&cursor=x";
    assertThat(LinkHeader.next("<" + url + ">; rel=\"next\"")).isEqualTo(url);
  }

  @Test
  void noNextLink() {
    assertThat(LinkHeader.next(null)).isNull();
    assertThat(LinkHeader.next("")).isNull();
    assertThat(LinkHeader.next("<https://huggingface.co/api/models?cursor=x>; rel=\"prev\"")).isNull();
    assertThat(LinkHeader.next("<https://huggingface.co/api/models?cursor=x>; rel=\"nextpage\"")).isNull();
    assertThat(LinkHeader.next("<https://huggingface.co/api/models?cursor=x>")).isNull();
  }

  @Test
  void aNextPageAnnouncedWithoutAReadableUrlIsAWireFormatErrorNotTheEnd() {
    for (String header : List.of("<https://huggingface.co/api/models?cursor=x; rel=\"next\"", "<>; rel=\"next\"",
        "garbage; rel=\"next\"", "rel=next", "<a>; rel=\"prev\", junk; rel=\"last next\"")) {
      assertThatThrownBy(() -> LinkHeader.next(header)).as(header).isInstanceOf(WireFormatException.class)
          .hasMessageContaining("next page");
    }
  }
}
