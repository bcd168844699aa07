package io.hubshare.analytics;

import io.hubshare.origin.DeveloperKind;
import io.hubshare.origin.Origin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The study's grouping of developers: 14 groups, among them "International / Online" (no single country) and
 * "User" (individual accounts), the rest groups of countries. Read from the bundled {@code study-groups.csv} (or
 * another file of the same shape): each line maps a developer kind ({@code kind:individual}, checked first), a
 * country code ({@code FR}) or a region of the registry ({@code region:Europe}) to a group. An account the
 * registry does not know falls in no group (the unknown row). Immutable and thread-safe.
 */
public final class StudyGroups {
  private final Map<String, String> byKind;
  private final Map<String, String> byCountry;
  private final Map<String, String> byRegion;
  private final List<String> groups;

  private StudyGroups(Map<String, String> byKind, Map<String, String> byCountry, Map<String, String> byRegion,
      List<String> groups) {
    this.byKind = byKind;
    this.byCountry = byCountry;
    this.byRegion = byRegion;
    this.groups = groups;
  }

  /** The bundled grouping ({@code study-groups.csv}): 14 groups. */
  public static StudyGroups bundled() {
    try (InputStream in = StudyGroups.class.getResourceAsStream("study-groups.csv")) {
      if (in == null) throw new IllegalStateException("study-groups.csv is missing from the library");
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "study-groups.csv");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a grouping: a CSV file with the header {@code key,group}, lines starting with {@code #} ignored.
   *
   * @param name the file's name, for messages
   * @throws IllegalArgumentException naming the line of a malformed entry or a key given twice
   */
  public static StudyGroups parse(Reader csv, String name) throws IOException {
    Map<String, String> kinds = new LinkedHashMap<>();
    Map<String, String> countries = new LinkedHashMap<>();
    Map<String, String> regions = new LinkedHashMap<>();
    Set<String> groups = new LinkedHashSet<>();
    BufferedReader r = new BufferedReader(csv);
    boolean header = false;
    int n = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      n++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) continue;
      if (!header) {
        if (!t.equals("key,group")) {
          throw new IllegalArgumentException(name + ", line " + n + ": expected the header key,group");
        }
        header = true;
        continue;
      }
      int comma = t.indexOf(',');
      if (comma <= 0 || comma == t.length() - 1) {
        throw new IllegalArgumentException(name + ", line " + n + ": expected key,group: " + t);
      }
      String key = t.substring(0, comma).strip();
      String group = t.substring(comma + 1).strip();
      Map<String, String> target;
      String k;
      if (key.startsWith("kind:")) {
        target = kinds;
        k = DeveloperKind.parse(key.substring(5)).label();
      } else if (key.startsWith("region:")) {
        target = regions;
        k = key.substring(7).strip();
      } else if (key.matches("[A-Za-z]{2}")) {
        target = countries;
        k = key.toUpperCase(Locale.ROOT);
      } else {
        throw new IllegalArgumentException(name + ", line " + n + ": a key is kind:<kind>, a two-letter country "
            + "code or region:<region>: " + key);
      }
      if (target.putIfAbsent(k, group) != null) {
        throw new IllegalArgumentException(name + ", line " + n + ": " + key + " is mapped twice");
      }
      groups.add(group);
    }
    if (!header) throw new IllegalArgumentException(name + ": no key,group header");
    return new StudyGroups(Collections.unmodifiableMap(kinds), Collections.unmodifiableMap(countries),
        Collections.unmodifiableMap(regions), List.copyOf(groups));
  }

  /** The groups, in the file's order. */
  public List<String> groups() {
    return groups;
  }

  /**
   * The group of a developer: by its kind, else its country ({@code null} country: "International / Online" via
   * {@code XX}), else its country's region; {@code null} for an origin the registry does not know, or one no line
   * maps.
   */
  public @Nullable String groupOf(Origin origin) {
    Objects.requireNonNull(origin, "origin");
    if (!origin.isKnown()) return null;
    String g = byKind.get(origin.kind().label());
    if (g != null) return g;
    String country = origin.country() == null ? Labels.INTERNATIONAL : origin.country().toUpperCase(Locale.ROOT);
    g = byCountry.get(country);
    if (g != null) return g;
    return byRegion.get(origin.region());
  }

  @Override
  public String toString() {
    return "StudyGroups" + groups;
  }
}
