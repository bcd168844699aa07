package io.hubshare.cli;

import io.hubshare.analytics.Dimension;
import io.hubshare.analytics.Metric;
import io.hubshare.domain.Relation;
import io.hubshare.lineage.Attribution;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters for option values, each refusing a bad value with a message that names the accepted ones. */
final class Converters {
  private Converters() {}

  /** {@code finetune}, {@code adapter}, {@code quantized}, {@code merge}, in any case. */
  static final class RelationConverter implements ITypeConverter<Relation> {
    @Override
    public Relation convert(String value) {
      Relation r = Relation.parse(value);
      if (r == null || r == Relation.ORIGINAL) {
        throw new TypeConversionException("'" + value + "' is not a relation; expected finetune, adapter, "
            + "quantized or merge");
      }
      return r;
    }
  }

  /** The relations a variant can have, for help and completion. */
  static final class Relations implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("finetune", "adapter", "quantized", "merge").iterator();
    }
  }

  /**
   * An instant: {@code 2025-08-31} (the start of that day, UTC) or a full ISO instant
   * ({@code 2025-08-31T12:00:00Z}).
   */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      String v = value.trim();
      try {
        if (v.length() == 10) return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a date; expected 2025-08-31 or "
            + "2025-08-31T12:00:00Z");
      }
    }
  }

  /** A share dimension: {@code country}, {@code pipeline-tag}…; {@code organisation} is {@code organization}. */
  static final class DimensionConverter implements ITypeConverter<Dimension> {
    @Override
    public Dimension convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT).replace("organis", "organiz");
      try {
        return Dimension.parse(v);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not a dimension; expected one of "
            + String.join(", ", new Dimensions()));
      }
    }
  }

  /** The dimensions, as the command line spells them. */
  static final class Dimensions implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("country", "region", "organization", "account", "kind", "family", "relation",
          "pipeline-tag", "library", "size", "license").iterator();
    }
  }

  /** A metric: {@code downloads}, {@code downloads-all-time}, {@code downloads-between}, {@code likes}, {@code models}. */
  static final class MetricConverter implements ITypeConverter<Metric> {
    @Override
    public Metric convert(String value) {
      try {
        return Metric.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not a metric; expected one of "
            + String.join(", ", new Metrics()));
      }
    }
  }

  /** The metrics, as the command line spells them. */
  static final class Metrics implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return List.of("downloads", "downloads-all-time", "downloads-between", "likes", "models").iterator();
    }
  }

  /** {@code uploader}, {@code root} or {@code parent}. */
  static final class AttributionConverter implements ITypeConverter<Attribution> {
    @Override
    public Attribution convert(String value) {
      try {
        return Attribution.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not an attribution; expected uploader, root or parent");
      }
    }
  }

  /** {@code table}, {@code csv} or {@code json}, in any case. */
  static final class FormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat f : OutputFormat.values()) {
        if (f.name().equalsIgnoreCase(value.trim())) return f;
      }
      throw new TypeConversionException("'" + value + "' is not a format; expected table, csv or json");
    }
  }

  /** A chart size, {@code WIDTHxHEIGHT} in pixels, each 100 to 10,000. */
  static final class SizeConverter implements ITypeConverter<ChartSize> {
    @Override
    public ChartSize convert(String value) {
      String[] parts = value.trim().toLowerCase(Locale.ROOT).split("x");
      try {
        if (parts.length == 2) {
          int w = Integer.parseInt(parts[0].trim());
          int h = Integer.parseInt(parts[1].trim());
          if (w >= 100 && w <= 10_000 && h >= 100 && h <= 10_000) return new ChartSize(w, h);
        }
      } catch (NumberFormatException e) {
        // Reported below, with the expected form.
      }
      throw new TypeConversionException("'" + value + "' is not a chart size; expected WIDTHxHEIGHT in pixels, "
          + "each 100 to 10000, such as 1000x600");
    }
  }
}
