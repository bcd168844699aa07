package io.hubshare.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the layout: the exported packages' public signatures never mention the wire format, the transport, Jackson
 * or the command line's libraries, so users' code cannot come to depend on them.
 */
class PublicApiLayeringTest {
  private static final Set<String> EXPORTED = Set.of("io.hubshare", "io.hubshare.hub", "io.hubshare.domain", "io.hubshare.error",
      "io.hubshare.origin", "io.hubshare.lineage", "io.hubshare.snapshot", "io.hubshare.analytics");
  private static final List<String> FORBIDDEN = List.of("io.hubshare.internal.",
      "io.hubshare.cli.", "com.fasterxml.", "com.github.benmanes.", "picocli.", "me.tongfei.", "org.jfree.", "okio.");
  /** The one deliberate exception: users may share their own OkHttp connection pool. */
  private static final String ALLOWED = "io.hubshare.HubClient$Builder.okHttpClient";

  @Test
  void exportedSignaturesMentionOnlyPublicApiTypes() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : exportedPublicClasses()) {
      for (Method m : c.getDeclaredMethods()) {
        if (isVisible(m.getModifiers()) && !m.isSynthetic() && !(c.getName() + "." + m.getName()).equals(ALLOWED)) {
          check(leaks, c, m.getName(), m.getGenericReturnType());
          checkParameters(leaks, c, m);
        }
      }
      for (var k : c.getDeclaredConstructors()) {
        if (isVisible(k.getModifiers())) checkParameters(leaks, c, k);
      }
      for (Field f : c.getDeclaredFields()) {
        if (isVisible(f.getModifiers())) check(leaks, c, f.getName(), f.getGenericType());
      }
      if (c.isRecord()) {
        for (RecordComponent rc : c.getRecordComponents()) check(leaks, c, rc.getName(), rc.getGenericType());
      }
      check(leaks, c, "extends", c.getGenericSuperclass());
      for (Type t : c.getGenericInterfaces()) check(leaks, c, "implements", t);
    }
    assertThat(leaks).as("public API signatures that expose internal or third-party types").isEmpty();
  }

  @Test
  void okHttpAppearsOnlyWhereUsersShareTheirOwnClient() throws Exception {
    List<String> uses = new ArrayList<>();
    for (Class<?> c : exportedPublicClasses()) {
      for (Method m : c.getDeclaredMethods()) {
        if (!isVisible(m.getModifiers()) || m.isSynthetic()) continue;
        String sig = m.toGenericString();
        if (sig.contains("okhttp3.")) uses.add(c.getName() + "." + m.getName());
      }
    }
    assertThat(uses).containsOnly(ALLOWED);
  }

  private static void checkParameters(List<String> leaks, Class<?> c, Executable e) {
    for (Parameter p : e.getParameters()) check(leaks, c, e.getName(), p.getParameterizedType());
  }

  private static void check(List<String> leaks, Class<?> owner, String member, Type type) {
    if (type == null) return;
    String name = type.getTypeName();
    for (String f : FORBIDDEN) {
      if (name.contains(f)) leaks.add(owner.getName() + "." + member + ": " + name);
    }
    if (name.contains("okhttp3.") && !(owner.getName() + "." + member).equals(ALLOWED)) {
      leaks.add(owner.getName() + "." + member + ": " + name);
    }
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static List<Class<?>> exportedPublicClasses() throws IOException, ClassNotFoundException {
    Path root = Paths.get("hubshare", "target", "classes");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (rel.equals("module-info.class") || rel.endsWith("package-info.class")) continue;
        String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
        String pkg = name.substring(0, name.lastIndexOf('.'));
        if (!EXPORTED.contains(pkg)) continue;
        Class<?> c = Class.forName(name, false, PublicApiLayeringTest.class.getClassLoader());
        if (isPublicAllTheWay(c)) out.add(c);
      }
    }
    assertThat(out).as("exported classes found under target/classes").hasSizeGreaterThan(20);
    return out;
  }

  private static boolean isPublicAllTheWay(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers())) return false;
    }
    return true;
  }
}
