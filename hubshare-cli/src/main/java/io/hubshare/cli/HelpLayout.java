package io.hubshare.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.IHelpFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Help text that breaks lines at spaces only. picocli wraps with the JDK's line breaker, which breaks after a dot
 * or a colon, so a file name ({@code hub-2026-08-31.jsonl.gz}) or a tag ({@code base_model:quantized:…}) could be
 * cut in two, and a copied example would no longer work. Every part of the help that wraps (synopsis, description,
 * option and parameter lists, command list, exit codes) goes through {@link SpaceWrappedTable}.
 */
final class HelpLayout implements IHelpFactory {

  @Override
  public Help create(CommandSpec spec, ColorScheme colors) {
    return new SpaceWrappedHelp(spec, colors);
  }

  /** picocli's help with every wrapping table replaced; the layout and columns are picocli's own. */
  private static final class SpaceWrappedHelp extends Help {
    SpaceWrappedHelp(CommandSpec spec, ColorScheme colors) {
      super(spec, colors);
    }

    private int width() {
      return commandSpec().usageMessage().width();
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals,
        ColorScheme scheme) {
      int longOptions = calcLongOptionColumnWidth(options, positionals, scheme);
      TextTable table = new SpaceWrappedTable(scheme,
          new Column(2, 0, Column.Overflow.TRUNCATE),
          new Column(2, 0, Column.Overflow.SPAN),
          new Column(1, 0, Column.Overflow.TRUNCATE),
          new Column(longOptions, 1, Column.Overflow.SPAN),
          new Column(width() - 5 - longOptions, 1, Column.Overflow.WRAP));
      return new Layout(scheme, table, createDefaultOptionRenderer(), createDefaultParameterRenderer());
    }

    @Override
    public String description(Object... params) {
      return paragraphs(commandSpec().usageMessage().description(), params);
    }

    @Override
    public String footer(Object... params) {
      return paragraphs(commandSpec().usageMessage().footer(), params);
    }

    private String paragraphs(String[] lines, Object... params) {
      TextTable table = new SpaceWrappedTable(colorScheme(), new Column(width(), 0, Column.Overflow.WRAP));
      table.indentWrappedLines = 0;
      for (String line : lines) {
        for (Text l : colorScheme().text(String.format(Locale.ROOT, line, params)).splitLines()) table.addRowValues(l);
      }
      return table.toString();
    }

    @Override
    public String commandList(Map<String, Help> subcommands) {
      if (subcommands.isEmpty()) return "";
      int names = 0;
      for (String name : subcommands.keySet()) names = Math.max(names, name.length());
      names = Math.min(names, width() / 2);
      TextTable table = new SpaceWrappedTable(colorScheme(),
          new Column(names + 2, 2, Column.Overflow.SPAN),
          new Column(width() - (names + 2), 2, Column.Overflow.WRAP));
      for (Map.Entry<String, Help> e : subcommands.entrySet()) {
        // A command's header if it has one (picocli's help command does), else its description.
        String[] header = e.getValue().commandSpec().usageMessage().header();
        String[] description = header.length > 0 ? header : e.getValue().commandSpec().usageMessage().description();
        String first = description.length == 0 ? "" : String.format(Locale.ROOT, description[0]);
        Text[] lines = colorScheme().text(first).splitLines();
        for (int i = 0; i < lines.length; i++) {
          table.addRowValues(i == 0 ? e.getValue().commandNamesText(", ") : colorScheme().text(""), lines[i]);
        }
      }
      return table.toString();
    }

    @Override
    public TextTable createTextTable(Map<?, ?> map) {
      int keys = 0;
      for (Object k : map.keySet()) keys = Math.max(keys, String.valueOf(k).length());
      keys = Math.min(keys, width() - 4);
      TextTable table = new SpaceWrappedTable(colorScheme(),
          new Column(keys + 3, 2, Column.Overflow.SPAN),
          new Column(width() - (keys + 3), 2, Column.Overflow.WRAP));
      for (Map.Entry<?, ?> e : map.entrySet()) {
        table.addRowValues(colorScheme().text(String.valueOf(e.getKey())), colorScheme().text(String.valueOf(e.getValue())));
      }
      return table;
    }

    @Override
    protected String insertSynopsisCommandName(int headingLength, Text details) {
      String name = commandSpec().qualifiedName();
      int indent = headingLength + name.length() + 1;
      if (indent > commandSpec().usageMessage().synopsisAutoIndentThreshold() * width()) indent = headingLength;
      TextTable table = new SpaceWrappedTable(colorScheme(), new Column(width(), 0, Column.Overflow.WRAP));
      table.indentWrappedLines = indent;
      // The heading ("Usage: ") is printed before this text: the first line leaves room for it, then drops it.
      Text padding = colorScheme().text(" ".repeat(headingLength));
      table.addRowValues(padding.concat(colorScheme().commandText(name)).concat(details));
      return table.toString().substring(headingLength);
    }
  }

  /**
   * A picocli table whose wrapping columns break lines at spaces only. A word longer than its column is cut, as
   * picocli does: at the default 80 columns no word of hubshare's help is.
   */
  static final class SpaceWrappedTable extends TextTable {
    SpaceWrappedTable(ColorScheme scheme, Column... columns) {
      super(scheme, columns);
    }

    @Override
    public Cell putValue(int row, int col, Text value) {
      Column column = columns()[col];
      String plain = value == null ? "" : value.plainString();
      if (column.overflow != Column.Overflow.WRAP || plain.isEmpty()) return super.putValue(row, col, value);
      int indent = column.indent;
      int start = 0;
      Cell last = new Cell(col, row);
      while (start < plain.length()) {
        int end = lineEnd(plain, start, column.width - indent);
        Text line = value.substring(start, end);
        if (indent > column.indent) line = value.substring(0, 0).concat(" ".repeat(indent - column.indent)).concat(line);
        // The line fits its column, so picocli writes it whole.
        last = super.putValue(row, col, line);
        start = end;
        while (start < plain.length() && plain.charAt(start) == ' ') start++;
        if (start < plain.length()) {
          addEmptyRow();
          row = last.row + 1;
          indent = column.indent + indentWrappedLines;
        }
      }
      return last;
    }

    /** Where the line starting at {@code start} ends: after the last whole word that fits in {@code room}. */
    static int lineEnd(String text, int start, int room) {
      int limit = start + Math.max(1, room);
      if (limit >= text.length()) return text.length();
      if (text.charAt(limit) == ' ') return limit;
      int space = text.lastIndexOf(' ', limit - 1);
      while (space > start && text.charAt(space - 1) == ' ') space--;
      return space > start ? space : limit;
    }
  }
}
