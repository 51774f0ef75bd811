package fr.barometer.generator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a generation run wrote, for the command line to print.
 *
 * @param structures structures drawn (the registry files also hold a few deliberately bad rows)
 * @param acceptedStructures those ACCEPTED, hence audited
 * @param sites sites of the drawn structures
 * @param orders orders of the PERSONALIZED structures
 * @param auditLines lines over every audits/*.jsonl file, bad and re-sent ones included
 * @param surveyRows data rows over every survey/*.csv file, bad and duplicate ones included
 * @param rowsPerFile data rows (CSV, header excluded) or lines (JSONL) per file, by path relative
 *     to the landing folder
 * @param deliberateRecords records written on purpose to exercise the loaders, by "input:kind"
 * @param history for the edition before a later one's registry, what differs from that edition (one
 *     line each); empty otherwise
 */
public record GenerationSummary(
    Path outDir,
    int edition,
    long seed,
    int structures,
    int acceptedStructures,
    int sites,
    int orders,
    long auditLines,
    long surveyRows,
    SortedMap<String, Long> rowsPerFile,
    SortedMap<String, Long> deliberateRecords,
    List<String> history) {

  public GenerationSummary {
    rowsPerFile = new TreeMap<>(rowsPerFile);
    deliberateRecords = new TreeMap<>(deliberateRecords);
    history = List.copyOf(history);
  }

  /** Data files plus edition.json and referential.json. */
  public int files() {
    return rowsPerFile.size() + 2;
  }

  /** A few lines for a terminal. */
  @Override
  public String toString() {
    return describe();
  }

  /** A few lines for a terminal: files, rows, and the deliberate bad records by kind. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "Landing folder %s: edition %d, seed %d, %d files%n", outDir, edition, seed, files()));
    out.append(
        String.format(
            "  %d structures (%d accepted), %d sites, %d orders%n",
            structures, acceptedStructures, sites, orders));
    for (String line : history) {
      out.append("  ").append(line).append(String.format("%n"));
    }
    for (Map.Entry<String, Long> e : rowsPerFile.entrySet()) {
      out.append(String.format("  %-24s %,d rows%n", e.getKey(), e.getValue()));
    }
    long deliberate = deliberateRecords.values().stream().mapToLong(Long::longValue).sum();
    out.append(
        String.format(
            "  %d records written on purpose to exercise quarantine and deduplication:%n",
            deliberate));
    for (Map.Entry<String, Long> e : deliberateRecords.entrySet()) {
      out.append(String.format("    %-40s %d%n", e.getKey(), e.getValue()));
    }
    return out.toString();
  }
}
