package io.hubshare.cli;

import io.hubshare.domain.Relation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters for option values, each refusing a bad value with a message that names the accepted ones. */
final class Converters {
  private Converters() {}

  /** {@code finetune}, {@code adapter}, {@code quantized}, {@code merge}, in any case. */
  static final class RelationConverter implements ITypeConverter<Relation> {
    @Override
    public Relation convert(String value) {
      Relation r = Relation.fromWire(value);
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
}
