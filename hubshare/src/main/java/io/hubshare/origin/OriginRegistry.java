package io.hubshare.origin;

import io.hubshare.domain.Model;
import io.hubshare.domain.Hub;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Who made a model, and in which country: curated data in which every entry carries its source.
 *
 * <p>Entries are keyed by hub and account: {@code qwen} on ModelScope and {@code Qwen} on Hugging Face are looked
 * up separately, and an account a hub's file does not list is unknown on that hub even if another hub's file knows
 * the same spelling. The methods without a {@link Hub} mean Hugging Face.
 *
 * <p>The bundled registry ({@link #bundled()}) maps Hub accounts to their developer, the developer's country (ISO
 * 3166-1 alpha-2, or {@code XX} for international or online collectives), the country's region and the developer
 * kind. Anything it does not know is {@link Origin#unknown(String) unknown}, never guessed, so that shares of
 * downloads keep an explicit "unknown" bucket. Lookups ignore case, as Hub account names do.
 *
 * <p>A registry is immutable and thread-safe. Overrides derive a new one, and win over what they replace:
 *
 * <pre>{@code
 * OriginRegistry registry = OriginRegistry.bundled()
 *     .withFile(Path.of("my-origins.csv"))          // same format as the bundled origins.csv
 *     .with(OriginRegistry.bundled().origin("my-lab", "My Lab", "FR", DeveloperKind.ACADEMIA,
 *         "https://my-lab.example/about"));
 * registry.of("qwen").country();                      // "CN"
 * registry.of("someone-unknown").isKnown();          // false
 * }</pre>
 *
 * <p>The Hub's {@code region:us} tag names where files are stored, never a developer's country: it plays no part here.
 */
public final class OriginRegistry {

  private static final String RESOURCES = "/io/hubshare/origin/";

  /** Origins by {@link #key(Hub, String)}. */
  private final Map<String, Origin> byKey;
  private final Regions regions;
  /** Reasons by {@link #key(Hub, String)}. */
  private final Map<String, String> unattributed;

  private OriginRegistry(Map<String, Origin> byKey, Regions regions, Map<String, String> unattributed) {
    this.byKey = byKey;
    this.regions = regions;
    this.unattributed = unattributed;
  }

  /** The curated registry shipped in the jar, loaded once on first use. */
  public static OriginRegistry bundled() {
    return Bundled.REGISTRY;
  }

  /**
   * A registry that knows no account, with the bundled regions: a base for a registry built entirely from users' own
   * files, such as {@code OriginRegistry.empty().withFile(path)}.
   */
  public static OriginRegistry empty() {
    return new OriginRegistry(Map.of(), Bundled.REGIONS, Map.of());
  }

  /**
   * Reads a registry from an origins file and a regions file, in the bundled formats. Readers are not closed.
   *
   * @throws IllegalArgumentException if a line is malformed, naming the file ({@code origins.csv} or
   *     {@code regions.csv}) and the line
   */
  public static OriginRegistry load(Reader originsCsv, Reader regionsCsv) {
    Objects.requireNonNull(originsCsv, "originsCsv");
    Objects.requireNonNull(regionsCsv, "regionsCsv");
    Regions regions = Regions.parse(regionsCsv, "regions.csv");
    List<Origin> origins = OriginCsv.parseOrigins(originsCsv, "origins.csv", regions);
    return new OriginRegistry(index(Map.of(), Hub.HUGGING_FACE, origins), regions, Map.of());
  }

  /**
   * The origin of an account, never null: {@link Origin#unknown(String)} when the registry does not know it.
   *
   * @param account a Hub account, in any case ({@code qwen} finds {@code Qwen})
   */
  public Origin of(String account) {
    return of(Hub.HUGGING_FACE, account);
  }

  /**
   * The origin of an account on {@code hub}, never null: {@link Origin#unknown(String)} when the registry does not
   * know it there.
   */
  public Origin of(Hub hub, String account) {
    Origin found = find(hub, account);
    return found != null ? found : Origin.unknown(account);
  }

  /**
   * The origin of a model's developer: by {@link Model#author()}, else by the owner part of its id, else unknown.
   * This is the uploader's origin; crediting a derivative to its base model's developer is lineage's job.
   */
  public Origin of(Model model) {
    Objects.requireNonNull(model, "model");
    String author = model.author();
    String owner = model.owner();
    Origin found = author == null ? null : find(model.hub(), author);
    if (found == null && owner != null) found = find(model.hub(), owner);
    if (found != null) return found;
    return Origin.unknown(author != null ? author : owner != null ? owner : model.id());
  }

  /** The origin of an account, or {@code null} when the registry does not know it; case-insensitive. */
  public @Nullable Origin find(String account) {
    return find(Hub.HUGGING_FACE, account);
  }

  /** The origin of an account on {@code hub}, or {@code null} when the registry does not know it there. */
  public @Nullable Origin find(Hub hub, String account) {
    return byKey.get(key(hub, Objects.requireNonNull(account, "account")));
  }

  /** The hubs this registry has entries for, in a stable order. */
  public List<Hub> hubs() {
    return byKey.keySet().stream().map(k -> new Hub(k.substring(0, k.indexOf(KEY_SEPARATOR)))).distinct()
        .sorted(Comparator.comparing(Hub::name)).toList();
  }

  /**
   * The region of an ISO 3166-1 alpha-2 country code ({@code CN} → {@code China}, {@code FR} → {@code Europe},
   * {@code XX} → {@code International}), or {@link Origin#UNKNOWN_REGION} if the code is null or unmapped.
   */
  public String regionOf(@Nullable String country) {
    return regions.regionOf(country);
  }

  /** Every known origin of a Hugging Face account, sorted by account (case-insensitively). */
  public List<Origin> entries() {
    return entries(Hub.HUGGING_FACE);
  }

  /** Every known origin of an account on {@code hub}, sorted by account (case-insensitively). */
  public List<Origin> entries(Hub hub) {
    String prefix = hub.name() + KEY_SEPARATOR;
    List<Origin> all = new ArrayList<>();
    byKey.forEach((k, o) -> {
      if (k.startsWith(prefix)) all.add(o);
    });
    all.sort(Comparator.comparing(Origin::account, String.CASE_INSENSITIVE_ORDER).thenComparing(Origin::account));
    return List.copyOf(all);
  }

  /**
   * Why an account was reviewed and deliberately left unknown (bundled {@code unattributed.csv}), or {@code null} if
   * it was not reviewed or is now known. Lets a report tell "reviewed, unknown" from "never looked at".
   */
  public @Nullable String unattributedReason(String account) {
    return unattributedReason(Hub.HUGGING_FACE, account);
  }

  /**
   * Why an account on {@code hub} was reviewed and left unknown, such as a mirror account that re-hosts other
   * developers' models; {@code null} if it was not reviewed or is known.
   */
  public @Nullable String unattributedReason(Hub hub, String account) {
    Objects.requireNonNull(account, "account");
    if (find(hub, account) != null) return null;
    return unattributed.get(key(hub, account));
  }

  /**
   * Builds an origin whose region comes from this registry's regions, ready for {@link #with(Origin...)}.
   *
   * @param country an ISO 3166-1 alpha-2 code (any case), or {@code XX} for an international collective
   * @throws IllegalArgumentException if a value is blank, the country is invalid or has no region, or the kind is
   *     {@link DeveloperKind#UNKNOWN}
   */
  public Origin origin(String account, String organization, String country, DeveloperKind kind, String source) {
    String code = Objects.requireNonNull(country, "country").trim().toUpperCase(Locale.ROOT);
    Origin origin = new Origin(account, organization, code, regions.regionOf(code), kind, source);
    validate(origin);
    return origin;
  }

  /**
   * A new registry in which these origins replace (same account, any case) or add to this one's entries.
   *
   * @throws IllegalArgumentException if an origin lacks an organization, country or source, is of kind
   *     {@link DeveloperKind#UNKNOWN}, names a country without a region, or carries a region other than its
   *     country's; {@link #origin} builds valid ones
   */
  public OriginRegistry with(Origin... overrides) {
    return with(Hub.HUGGING_FACE, overrides);
  }

  /** A new registry in which these origins replace or add to this one's entries for accounts on {@code hub}. */
  public OriginRegistry with(Hub hub, Origin... overrides) {
    List<Origin> list = List.of(overrides);
    list.forEach(this::validate);
    return new OriginRegistry(index(byKey, Objects.requireNonNull(hub, "hub"), list), regions, unattributed);
  }

  /**
   * A new registry in which the entries of a user's file (the format of the bundled {@code origins.csv}, UTF-8)
   * replace or add to this one's.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if a line is malformed, naming the file and the line
   */
  public OriginRegistry withFile(Path csv) throws IOException {
    return withFile(Hub.HUGGING_FACE, csv);
  }

  /** As {@link #withFile(Path)}, for the accounts of {@code hub}. */
  public OriginRegistry withFile(Hub hub, Path csv) throws IOException {
    Objects.requireNonNull(hub, "hub");
    Objects.requireNonNull(csv, "csv");
    String text = readUtf8(csv);
    try (Reader in = new StringReader(text)) {
      return new OriginRegistry(
          index(byKey, hub, OriginCsv.parseOrigins(in, csv.toString(), regions)), regions, unattributed);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** An origins file larger than this is not one (the bundled one is some 20 KB): it is refused, not read. */
  static final int MAX_FILE_BYTES = 16 << 20;

  /**
   * The file as strict UTF-8, at most {@link #MAX_FILE_BYTES}.
   *
   * @throws IllegalArgumentException naming the file and the line of the first byte that is not UTF-8, or saying
   *     the file is too large
   */
  static String readUtf8(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new IllegalArgumentException(file + ": larger than " + (MAX_FILE_BYTES >> 20)
          + " MiB, not an origins file");
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) if (bytes[i] == '\n') line++;
      throw new IllegalArgumentException(file + " line " + line + ": not UTF-8 text (byte " + (in.position() + 1)
          + " of the file); save it as UTF-8");
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  @Override
  public String toString() {
    long organizations = byKey.values().stream().map(Origin::organization).distinct().count();
    long countries = byKey.values().stream().map(Origin::country).distinct().count();
    return "OriginRegistry[" + byKey.size() + " accounts on " + hubs().size() + " hubs, " + organizations
        + " organizations, " + countries + " countries]";
  }

  private void validate(Origin o) {
    Objects.requireNonNull(o, "origin");
    String what = "origin of '" + o.account() + "': ";
    if (o.kind() == DeveloperKind.UNKNOWN) {
      throw new IllegalArgumentException(what + "kind UNKNOWN cannot be registered; leave the account out instead");
    }
    if (!Csv.isAccount(o.account())) {
      throw new IllegalArgumentException(what + "invalid account; expected a Hub account name such as 'Qwen'");
    }
    if (isBlank(o.organization()) || isBlank(o.source())) {
      throw new IllegalArgumentException(what + "organization and source are required");
    }
    String country = o.country();
    if (country == null || !Regions.isCountryCode(country) || !regions.contains(country)) {
      throw new IllegalArgumentException(what + "country '" + country
          + "' is not an upper-case ISO 3166-1 alpha-2 code (or XX) with a region in regions.csv");
    }
    if (!o.region().equals(regions.regionOf(country))) {
      throw new IllegalArgumentException(what + "region '" + o.region() + "' does not match country " + country
          + " (" + regions.regionOf(country) + "); build it with OriginRegistry.origin(...)");
    }
  }

  private static boolean isBlank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  private static final char KEY_SEPARATOR = ' ';

  /** Hub and account, the account folded as hubs fold it; a space separates them, as neither may contain one. */
  private static String key(Hub hub, String account) {
    return hub.name() + KEY_SEPARATOR + OriginCsv.key(account);
  }

  private static Map<String, Origin> index(Map<String, Origin> base, Hub hub, List<Origin> overrides) {
    Map<String, Origin> map = new LinkedHashMap<>(base);
    for (Origin o : overrides) map.put(key(hub, o.account()), o);
    return Map.copyOf(map);
  }

  private static Map<String, String> keyed(Hub hub, Map<String, String> byAccount) {
    Map<String, String> map = new LinkedHashMap<>();
    byAccount.forEach((account, reason) -> map.put(key(hub, account), reason));
    return map;
  }

  /** Loaded on first use of {@link #bundled()} or {@link #empty()}, once, by the class-loading lock. */
  private static final class Bundled {
    static final Regions REGIONS = read("regions.csv", r -> Regions.parse(r, "regions.csv"));
    static final OriginRegistry REGISTRY = load();

    /** Each hub's files: {@code origins.csv} and {@code unattributed.csv} for Hugging Face, beside them a folder per
     * other hub ({@code modelscope/origins.csv}, …). */
    private static OriginRegistry load() {
      Map<String, Origin> origins = Map.of();
      Map<String, String> unattributed = new LinkedHashMap<>();
      for (Hub hub : List.of(Hub.HUGGING_FACE, Hub.MODELSCOPE)) {
        String dir = hub.equals(Hub.HUGGING_FACE) ? "" : hub.name() + "/";
        origins = index(origins, hub, read(dir + "origins.csv",
            r -> OriginCsv.parseOrigins(r, dir + "origins.csv", REGIONS)));
        unattributed.putAll(keyed(hub, read(dir + "unattributed.csv",
            r -> OriginCsv.parseUnattributed(r, dir + "unattributed.csv"))));
      }
      return new OriginRegistry(origins, REGIONS, Map.copyOf(unattributed));
    }

    private static <T> T read(String file, Function<Reader, T> parser) {
      InputStream in = OriginRegistry.class.getResourceAsStream(RESOURCES + file);
      if (in == null) throw new IllegalStateException("bundled " + RESOURCES + file + " is missing from the jar");
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return parser.apply(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bundled " + file, e);
      }
    }
  }
}
