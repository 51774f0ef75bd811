package fr.barometer.generator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a generated landing folder with nothing but a CSV and a JSON parser, independently of the
 * generator's own classes, so that the tests check the files rather than the code that wrote them.
 */
final class LandingReader {
  static final ObjectMapper JSON = new ObjectMapper();

  private LandingReader() {}

  /** Rows of a comma-separated file with a header, keyed by column name. */
  static List<CSVRecord> csv(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), ',');
  }

  /** Rows of a semicolon-separated survey export, BOM or not. */
  static List<CSVRecord> survey(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), ';');
  }

  private static List<CSVRecord> parse(String text, char delimiter) throws IOException {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    try (Reader reader = new StringReader(body)) {
      return CSVFormat.DEFAULT
          .builder()
          .setDelimiter(delimiter)
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    }
  }

  static List<String> header(Path file, char delimiter) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    try (Reader reader = new StringReader(body)) {
      return CSVFormat.DEFAULT
          .builder()
          .setDelimiter(delimiter)
          .setHeader()
          .get()
          .parse(reader)
          .getHeaderNames();
    }
  }

  static List<Path> files(Path folder, String extension) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.toString().endsWith(extension)).sorted().toList();
    }
  }

  /** Every line of every audits/*.jsonl file. */
  static List<String> auditLines(Path landing) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path f : files(landing.resolve("audits"), ".jsonl")) {
      lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
    }
    return lines;
  }

  /** The line parsed, or null when it is not a JSON object. */
  static JsonNode parseOrNull(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static Map<String, Long> populations;

  /** Population by INSEE code (null when unknown), from the shipped reference data. */
  static synchronized Map<String, Long> communePopulations() throws IOException {
    if (populations != null) {
      return populations;
    }
    Map<String, Long> out = new TreeMap<>();
    for (CSVRecord r : resource("/fr/barometer/reference/communes.csv")) {
      String p = r.get("population");
      out.put(r.get("insee_code"), p.isBlank() ? null : Long.valueOf(p));
    }
    populations = java.util.Collections.unmodifiableMap(out);
    return populations;
  }

  static Map<String, Long> epciPopulations() throws IOException {
    Map<String, Long> out = new TreeMap<>();
    for (CSVRecord r : resource("/fr/barometer/reference/epci.csv")) {
      out.put(r.get("siren"), Long.valueOf(r.get("population")));
    }
    return out;
  }

  static Map<String, String> communeEpci() throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (CSVRecord r : resource("/fr/barometer/reference/communes.csv")) {
      out.put(r.get("insee_code"), r.get("epci_siren"));
    }
    return out;
  }

  private static List<CSVRecord> resource(String name) throws IOException {
    try (InputStream in = LandingReader.class.getResourceAsStream(name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return parse(text, ',');
    }
  }
}
