package fr.barometer.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An edition's own {@code reference/communes.csv}: the edition's legal populations of the communes
 * its files name (registry and survey), which replace the shipped reference data in its run. Rows
 * are the shipped file's lines, header included, unchanged but for the populations given; they end
 * in LF like every generated file (the shipped file's end in CRLF).
 */
final class ReferenceCommunes {
  static final String FOLDER = "reference";
  static final String FILE = "communes.csv";
  private static final String POPULATION = "population";

  private ReferenceCommunes() {}

  /**
   * Writes the shipped rows of {@code codes}, in the shipped order, with {@code populations}
   * replacing theirs; returns the rows written (header excluded).
   */
  static long write(Path landing, Set<String> codes, Map<String, Long> populations)
      throws IOException {
    List<String> lines = shippedLines();
    String header = lines.get(0);
    int column = List.of(header.split(",", -1)).indexOf(POPULATION);
    if (column < 0) {
      throw new IllegalStateException("the shipped communes.csv has no population column");
    }
    StringBuilder out = new StringBuilder(header).append('\n');
    long rows = 0;
    for (String line : lines.subList(1, lines.size())) {
      String code = line.substring(0, line.indexOf(','));
      if (!codes.contains(code) && !populations.containsKey(code)) {
        continue;
      }
      out.append(
          populations.containsKey(code)
              ? withPopulation(line, column, populations.get(code))
              : line);
      out.append('\n');
      rows++;
    }
    Path folder = Files.createDirectories(landing.resolve(FOLDER));
    Files.writeString(folder.resolve(FILE), out, StandardCharsets.UTF_8);
    return rows;
  }

  private static String withPopulation(String line, int column, long population) {
    String[] fields = line.split(",", -1);
    if (line.contains("\"") || column >= fields.length) {
      throw new IllegalStateException("cannot change the population of " + line);
    }
    fields[column] = String.valueOf(population);
    return String.join(",", fields);
  }

  private static List<String> shippedLines() {
    try (InputStream in = ReferenceCommunes.class.getResourceAsStream(Communes.COMMUNES)) {
      if (in == null) {
        throw new IllegalStateException("reference data " + Communes.COMMUNES + " is missing");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      List<String> lines = new ArrayList<>();
      for (String line : text.split("\r?\n")) {
        if (!line.isEmpty()) {
          lines.add(line);
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + Communes.COMMUNES, e);
    }
  }
}
