package io.hubshare.arch;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the layers drawn in {@code docs/architecture.md}, twice: in the compiled classes (ArchUnit, every reference a
 * class makes) and in the sources' {@code import} lines (which also catch imports used only by Javadoc). Each layer
 * may use only those listed for it; no two packages depend on each other.
 */
class LayeringTest {
  /** Each layer, its packages, and the layers it may use. Order: from the top down. */
  private static final Map<String, Layer> LAYERS = new LinkedHashMap<>();

  private record Layer(String pattern, List<String> mayUse) {}

  static {
    layer("client", "io.hubshare", "snapshot", "origin", "hub", "domain", "error", "protocol", "transport");
    layer("analytics", "io.hubshare.analytics..", "snapshot", "lineage", "origin", "hub", "domain", "error",
        "protocol", "gzip");
    layer("snapshot", "io.hubshare.snapshot..", "hub", "domain", "error", "protocol", "columnar", "gzip");
    layer("lineage", "io.hubshare.lineage..", "hub", "domain", "error", "protocol");
    layer("origin", "io.hubshare.origin..", "domain");
    layer("hub", "io.hubshare.hub..", "domain", "error");
    layer("hubs", "io.hubshare.internal.(hf|modelscope)..", "protocol", "transport", "hub", "domain", "error");
    layer("protocol", "io.hubshare.internal.protocol..", "transport", "hub", "domain", "error");
    layer("transport", "io.hubshare.internal.transport..", "error");
    layer("columnar", "io.hubshare.internal.columnar..");
    layer("gzip", "io.hubshare.internal.gzip..");
    layer("domain", "io.hubshare.domain..");
    layer("error", "io.hubshare.error..");
  }

  private static void layer(String name, String pattern, String... mayUse) {
    LAYERS.put(name, new Layer(pattern, List.of(mayUse)));
  }

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPath(Path.of("hubshare", "target", "classes"));
    assertThat(classes.size()).as("classes under hubshare/target/classes").isGreaterThan(100);
  }

  @Test
  void compiledClassesUseOnlyTheLayersBelowThem() {
    Architectures.LayeredArchitecture rule = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (Map.Entry<String, Layer> e : LAYERS.entrySet()) {
      String p = e.getValue().pattern();
      rule = p.contains("(") ? rule.layer(e.getKey()).definedBy(
          com.tngtech.archunit.base.DescribedPredicate.describe(p, (com.tngtech.archunit.core.domain.JavaClass c) ->
              c.getPackageName().matches(toRegex(p))))
          : rule.layer(e.getKey()).definedBy(p);
    }
    for (Map.Entry<String, Layer> e : LAYERS.entrySet()) {
      List<String> users = new ArrayList<>();
      for (Map.Entry<String, Layer> other : LAYERS.entrySet()) {
        if (other.getValue().mayUse().contains(e.getKey())) users.add(other.getKey());
      }
      rule = users.isEmpty() ? rule.whereLayer(e.getKey()).mayNotBeAccessedByAnyLayer()
          : rule.whereLayer(e.getKey()).mayOnlyBeAccessedByLayers(users.toArray(String[]::new));
    }
    rule.check(classes);
  }

  @Test
  void noTwoPackagesDependOnEachOther() {
    slices().matching("io.hubshare.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void sourceImportsUseOnlyTheLayersBelowThem() throws IOException {
    Path sources = Path.of("hubshare", "src", "main", "java");
    Pattern imports = Pattern.compile("^import (?:static )?(io\\.hubshare(?:\\.[a-z]\\w*)*)\\.[A-Z]", Pattern.MULTILINE);
    List<String> crossings = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
        if (f.getFileName().toString().equals("module-info.java")) continue;
        String pkg = sources.relativize(f.getParent()).toString().replace('/', '.');
        String from = layerOf(pkg);
        Matcher m = imports.matcher(Files.readString(f));
        while (m.find()) {
          String to = layerOf(m.group(1));
          if (!to.equals(from) && !LAYERS.get(from).mayUse().contains(to)) {
            crossings.add(sources.relativize(f) + " imports " + m.group(1) + " (" + from + " → " + to + ")");
          }
        }
      }
    }
    assertThat(crossings).as("imports that cross the layering of docs/architecture.md").isEmpty();
  }

  @Test
  void theLayeringIsEnforcedNotJustDeclared() {
    // A rule that forbids nothing would pass whatever the code does: the transport must not reach the client.
    assertThat(LAYERS.get("transport").mayUse()).doesNotContain("client", "protocol", "hubs");
    assertThat(layerOf("io.hubshare.internal.hf")).isEqualTo("hubs");
    assertThat(layerOf("io.hubshare")).isEqualTo("client");
  }

  private static String layerOf(String pkg) {
    for (Map.Entry<String, Layer> e : LAYERS.entrySet()) {
      if (pkg.matches(toRegex(e.getValue().pattern()))) return e.getKey();
    }
    throw new AssertionError("package " + pkg + " belongs to no layer of docs/architecture.md");
  }

  /** ArchUnit's package pattern as a regex: {@code ..} at the end means the package and its sub-packages. */
  private static String toRegex(String pattern) {
    return pattern.endsWith("..")
        ? pattern.substring(0, pattern.length() - 2).replace(".", "\\.") + "(\\..*)?"
        : pattern.replace(".", "\\.");
  }
}
