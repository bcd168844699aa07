package io.hubshare.internal.hf;

import io.hubshare.internal.protocol.WireFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing of the Hub's wire format, a few seconds in every test run: whatever the body, the parsers answer or
 * throw {@link WireFormatException}, never a parser's own exception, a {@code NullPointerException}, a
 * {@code StackOverflowError} or anything else.
 */
class WireFuzzTest {
  private static final List<String> MODELS = new ArrayList<>();
  private static final List<String> PAGES = new ArrayList<>();

  static {
    for (Path f : HfFixtures.modelInfoFiles()) MODELS.add(HfFixtures.read(f));
    List<String> sample = HfFixtures.sampleLines();
    for (int i = 0; i < 40; i++) PAGES.add("[" + String.join(",", sample.subList(i * 5, i * 5 + 5)) + "]");
    MODELS.addAll(sample.subList(0, 40));
  }

  @Provide
  Arbitrary<String> modelBodies() {
    return Arbitraries.oneOf(Mutations.of(MODELS), Arbitraries.strings().ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> pageBodies() {
    return Arbitraries.oneOf(Mutations.of(PAGES), Arbitraries.strings().ofMaxLength(200));
  }

  @Provide
  Arbitrary<String> linkHeaders() {
    return Arbitraries.oneOf(Mutations.of(List.of("<https://huggingface.co/api/models?cursor=eyJ4IjoxfQ>; rel=\"next\"",
        "<a>; rel=\"prev\", <b>; rel=\"next last\"", "</api/models?limit=3&cursor=x%2Cy>;rel=next")),
        Arbitraries.strings().ofMaxLength(120));
  }

  @Property(tries = 400)
  void aModelBodyParsesOrIsAWireFormatError(@ForAll("modelBodies") String body) {
    try {
      HfModels.parse(body);
    } catch (WireFormatException expected) {
      // the one failure allowed
    }
  }

  @Property(tries = 300)
  void aListPageParsesOrIsAWireFormatError(@ForAll("pageBodies") String body) {
    try {
      HfModels.parseList(body);
    } catch (WireFormatException expected) {
      // the one failure allowed
    }
  }

  @Property(tries = 500)
  void aLinkHeaderGivesALinkNothingOrAWireFormatError(@ForAll("linkHeaders") String header) {
    try {
      LinkHeader.next(header);
    } catch (WireFormatException expected) {
      // a next page announced without a URL
    }
  }

  @Property(tries = 200)
  void anAccountOverviewParsesOrIsAWireFormatError(@ForAll("modelBodies") String body) {
    try {
      HfAccounts.parseOrganization(body);
    } catch (WireFormatException expected) {
      // the one failure allowed
    }
    try {
      HfAccounts.parseUser(body);
    } catch (WireFormatException expected) {
      // the one failure allowed
    }
  }
}
