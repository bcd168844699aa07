package io.hubshare.sql.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * The list API's fields as DuckDB expressions over a file's columns, whatever their types: the Hub's Parquet files
 * drift between snapshots (timestamps with or without zone or as strings, integers of any width or as floats,
 * {@code cardData} as a JSON string or a struct), and JSON Lines read with every column as {@code JSON}.
 *
 * <p>Each field has a canonical type ({@link #canonical}); {@link #typed} turns a column of any usable type into it,
 * and returns {@code null} when the column's type cannot hold the field (the field is then absent, as when the column
 * is missing). A value that does not convert becomes {@code NULL}, never 0.
 */
public final class WireColumns {
  /** What a field holds. */
  public enum Kind {
    /** Text: {@code VARCHAR}. */
    STRING("VARCHAR"),
    /** An instant: {@code TIMESTAMP WITH TIME ZONE}. */
    INSTANT("TIMESTAMPTZ"),
    /** A counter: {@code BIGINT}. */
    COUNT("BIGINT"),
    /** A score: {@code DOUBLE}. */
    DECIMAL("DOUBLE"),
    /** A list of strings: {@code VARCHAR[]}. */
    STRINGS("VARCHAR[]"),
    /** A nested object kept whole: {@code JSON}. */
    OBJECT("JSON"),
    /** {@code gated}: {@code false}, {@code auto} or {@code manual}, as {@code VARCHAR}. */
    GATED("VARCHAR"),
    /** {@code true}/{@code false}: {@code BOOLEAN}. */
    BOOL("BOOLEAN");

    private final String sqlType;

    Kind(String sqlType) {
      this.sqlType = sqlType;
    }

    /** The canonical DuckDB type. */
    public String sqlType() {
      return sqlType;
    }
  }

  /** Every field hubshare reads, in the list API's order, with its kind. */
  public static final Map<String, Kind> FIELDS;

  static {
    Map<String, Kind> f = new LinkedHashMap<>();
    f.put("id", Kind.STRING);
    f.put("modelId", Kind.STRING);
    f.put("author", Kind.STRING);
    f.put("sha", Kind.STRING);
    f.put("createdAt", Kind.INSTANT);
    f.put("lastModified", Kind.INSTANT);
    f.put("downloads", Kind.COUNT);
    f.put("downloadsAllTime", Kind.COUNT);
    f.put("likes", Kind.COUNT);
    f.put("trendingScore", Kind.DECIMAL);
    f.put("tags", Kind.STRINGS);
    f.put("pipeline_tag", Kind.STRING);
    f.put("library_name", Kind.STRING);
    f.put("gated", Kind.GATED);
    f.put("private", Kind.BOOL);
    f.put("disabled", Kind.BOOL);
    f.put("cardData", Kind.OBJECT);
    f.put("baseModels", Kind.OBJECT);
    f.put("safetensors", Kind.OBJECT);
    f.put("gguf", Kind.OBJECT);
    FIELDS = java.util.Collections.unmodifiableMap(f);
  }

  /** The fields a Parquet export writes, in order: every field but the legacy {@code modelId}. */
  public static final List<String> EXPORTED = FIELDS.keySet().stream().filter(f -> !f.equals("modelId")).toList();

  /** The type of {@code baseModels} in an export, the shape the Hub's {@code expand=baseModels} gives. */
  public static final String BASE_MODELS_TYPE = "STRUCT(relation VARCHAR, models STRUCT(id VARCHAR)[])";

  private static final String ISO = "'%Y-%m-%dT%H:%M:%S.%fZ'";

  private WireColumns() {}

  /** The canonical type of a field. */
  public static String canonical(String field) {
    Kind k = FIELDS.get(field);
    if (k == null) throw new IllegalArgumentException("not a field hubshare reads: " + field);
    return k.sqlType();
  }

  /** A SQL identifier, quoted. */
  public static String quote(String column) {
    return '"' + column.replace("\"", "\"\"") + '"';
  }

  /** A SQL string literal. */
  public static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /**
   * {@code json_object(...)} of the fields wanted that the columns have in a usable type: one row as the list API's
   * JSON object (instants as ISO-8601 UTC strings with the session's time zone set to UTC).
   *
   * @param columnTypes each column's DuckDB type, as {@code DESCRIBE} gives it
   */
  public static String jsonObject(Map<String, String> columnTypes, Collection<String> fields) {
    StringJoiner j = new StringJoiner(", ", "json_object(", ")");
    for (String f : fields) {
      String typed = typedOrNull(columnTypes, f);
      if (typed == null) continue;
      j.add(literal(f) + ", " + asJson(FIELDS.get(f), typed));
    }
    return j.toString();
  }

  /** The field's canonical value from the columns, or {@code null} if they lack it in a usable type. */
  public static @Nullable String typedOrNull(Map<String, String> columnTypes, String field) {
    Kind k = FIELDS.get(field);
    String type = columnTypes.get(field);
    if (k == null || type == null) return null;
    return typed(k, quote(field), type.toUpperCase(Locale.ROOT));
  }

  /** The value in the list API's JSON shape, from its canonical type. */
  static String asJson(Kind k, String typed) {
    switch (k) {
      case INSTANT:
        return "strftime(" + typed + ", " + ISO + ")";
      case GATED:
        return "CASE " + typed + " WHEN 'false' THEN 'false'::JSON WHEN 'true' THEN 'true'::JSON ELSE to_json("
            + typed + ") END";
      default:
        return typed;
    }
  }

  /**
   * The canonical value of a column of DuckDB type {@code t} (upper case), or {@code null} when that type cannot hold
   * the field.
   */
  static @Nullable String typed(Kind k, String c, String t) {
    if (t.equals("JSON")) return fromJson(k, c);
    switch (k) {
      case STRING:
        if (t.equals("VARCHAR")) return c;
        return nested(t) ? null : "CAST(" + c + " AS VARCHAR)";
      case INSTANT:
        if (t.equals("TIMESTAMP WITH TIME ZONE")) return c;
        // Without a zone, the Hub's times are UTC; the session's zone is UTC, so the cast keeps the clock reading.
        if (t.startsWith("TIMESTAMP") || t.equals("DATE")) return "CAST(CAST(" + c + " AS TIMESTAMP) AS TIMESTAMPTZ)";
        if (t.equals("VARCHAR")) return "TRY_CAST(" + c + " AS TIMESTAMPTZ)";
        return null;
      case COUNT:
        if (integer(t)) return "TRY_CAST(" + c + " AS BIGINT)";
        if (floating(t)) return "CASE WHEN " + c + " = trunc(" + c + ") THEN TRY_CAST(" + c + " AS BIGINT) END";
        if (t.equals("VARCHAR")) return "TRY_CAST(" + c + " AS BIGINT)";
        return null;
      case DECIMAL:
        if (integer(t) || floating(t)) return "CAST(" + c + " AS DOUBLE)";
        if (t.equals("VARCHAR")) return "TRY_CAST(" + c + " AS DOUBLE)";
        return null;
      case STRINGS:
        if (t.equals("VARCHAR[]")) return c;
        if (t.endsWith("[]") && !t.startsWith("STRUCT") && !t.startsWith("MAP")) {
          return "list_transform(" + c + ", lambda x: CAST(x AS VARCHAR))";
        }
        if (t.equals("VARCHAR")) return "TRY_CAST(" + json(c) + " AS VARCHAR[])";
        return null;
      case OBJECT:
        if (t.startsWith("STRUCT") || t.startsWith("MAP") || t.endsWith("[]")) return "to_json(" + c + ")";
        if (t.equals("VARCHAR")) return json(c);
        return null;
      case GATED:
        if (t.equals("BOOLEAN")) return "CAST(" + c + " AS VARCHAR)";
        if (t.equals("VARCHAR")) {
          return "CASE WHEN trim(" + c + ") = '' THEN NULL ELSE lower(trim(" + c + ")) END";
        }
        return null;
      case BOOL:
        if (t.equals("BOOLEAN")) return c;
        if (t.equals("VARCHAR") || integer(t)) return "TRY_CAST(" + c + " AS BOOLEAN)";
        return null;
      default:
        return null;
    }
  }

  /** The canonical value of a {@code JSON} column (JSON Lines read by DuckDB): the wrong JSON type is absent. */
  private static String fromJson(Kind k, String c) {
    String text = "CASE WHEN json_type(" + c + ") = 'VARCHAR' THEN " + c + "->>'$' END";
    switch (k) {
      case STRING:
        return text;
      case INSTANT:
        return "TRY_CAST(" + text + " AS TIMESTAMPTZ)";
      case COUNT:
        return "CASE json_type(" + c + ") WHEN 'BIGINT' THEN TRY_CAST(" + c + " AS BIGINT) WHEN 'UBIGINT' THEN "
            + "TRY_CAST(" + c + " AS BIGINT) WHEN 'DOUBLE' THEN CASE WHEN CAST(" + c + " AS DOUBLE) = trunc(CAST(" + c
            + " AS DOUBLE)) THEN TRY_CAST(CAST(" + c + " AS DOUBLE) AS BIGINT) END END";
      case DECIMAL:
        return "CASE WHEN json_type(" + c + ") IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CAST(" + c + " AS DOUBLE) END";
      case STRINGS:
        return "CASE json_type(" + c + ") WHEN 'ARRAY' THEN list_filter(list_transform(CAST(" + c + " AS JSON[]), "
            + "lambda x: CASE WHEN json_type(x) = 'VARCHAR' THEN x->>'$' END), lambda x: x IS NOT NULL) END";
      case OBJECT:
        return "CASE WHEN json_type(" + c + ") IN ('OBJECT', 'ARRAY') THEN " + c + " END";
      case GATED:
        return "CASE json_type(" + c + ") WHEN 'BOOLEAN' THEN CAST(" + c + " AS VARCHAR) WHEN 'VARCHAR' THEN " + c
            + "->>'$' END";
      case BOOL:
        return "CASE WHEN json_type(" + c + ") = 'BOOLEAN' THEN CAST(" + c + " AS BOOLEAN) END";
      default:
        throw new IllegalStateException(k.name());
    }
  }

  private static String json(String c) {
    return "CASE WHEN json_valid(" + c + ") THEN CAST(" + c + " AS JSON) END";
  }

  private static boolean nested(String t) {
    return t.endsWith("]") || t.startsWith("STRUCT") || t.startsWith("MAP") || t.startsWith("UNION");
  }

  private static boolean integer(String t) {
    switch (t) {
      case "TINYINT": case "SMALLINT": case "INTEGER": case "BIGINT": case "HUGEINT":
      case "UTINYINT": case "USMALLINT": case "UINTEGER": case "UBIGINT": case "UHUGEINT":
        return true;
      default:
        return false;
    }
  }

  private static boolean floating(String t) {
    return t.equals("FLOAT") || t.equals("DOUBLE") || t.startsWith("DECIMAL");
  }
}
