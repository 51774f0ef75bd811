package fr.barometer.generator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The real communes and intercommunalities the structures are placed on, read from the reference
 * data shipped in the common module. Every collection is ordered (by INSEE code or SIREN) so that
 * draws do not depend on hash order.
 */
final class Communes {
  static final String COMMUNES = "/fr/barometer/reference/communes.csv";
  private static final String EPCI = "/fr/barometer/reference/epci.csv";

  private final List<Commune> all;
  private final Map<String, Commune> byInsee = new TreeMap<>();
  private final Map<String, Epci> epciBySiren = new TreeMap<>();
  private final Map<String, List<Commune>> byDepartment = new TreeMap<>();
  private final Map<String, List<Commune>> byEpci = new TreeMap<>();

  private Communes(List<Commune> communes, List<Epci> epcis) {
    this.all = List.copyOf(communes);
    for (Commune c : all) {
      byInsee.put(c.inseeCode(), c);
      byDepartment.computeIfAbsent(c.departmentCode(), k -> new ArrayList<>()).add(c);
      if (!c.epciSiren().isEmpty()) {
        byEpci.computeIfAbsent(c.epciSiren(), k -> new ArrayList<>()).add(c);
      }
    }
    epcis.forEach(e -> epciBySiren.put(e.siren(), e));
  }

  /** The shipped reference data, read once per JVM: it never changes and every run needs it. */
  static Communes shipped() {
    return Shipped.INSTANCE;
  }

  private static final class Shipped {
    static final Communes INSTANCE = load();
  }

  private static Communes load() {
    List<Commune> communes = new ArrayList<>();
    for (CSVRecord r : read(COMMUNES)) {
      String population = r.get("population").trim();
      communes.add(
          new Commune(
              r.get("insee_code"),
              r.get("name"),
              r.get("department_code"),
              r.get("department_name"),
              r.get("region_code"),
              r.get("region_name"),
              population.isEmpty() ? null : Long.valueOf(population),
              r.get("epci_siren").trim()));
    }
    List<Epci> epcis = new ArrayList<>();
    for (CSVRecord r : read(EPCI)) {
      String population = r.get("population").trim();
      epcis.add(
          new Epci(
              r.get("siren"),
              r.get("name"),
              r.get("type"),
              population.isEmpty() ? 0 : Long.parseLong(population)));
    }
    communes.sort(Comparator.comparing(Commune::inseeCode));
    epcis.sort(Comparator.comparing(Epci::siren));
    return new Communes(communes, epcis);
  }

  private static List<CSVRecord> read(String resource) {
    InputStream in = Communes.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          "reference data " + resource + " is missing from the classpath");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.mark(1);
      if (reader.read() != '\uFEFF') {
        reader.reset();
      }
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(reader)
          .getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference data " + resource, e);
    }
  }

  List<Commune> all() {
    return all;
  }

  boolean isCommune(String inseeCode) {
    return byInsee.containsKey(inseeCode);
  }

  List<Epci> epcis() {
    return List.copyOf(epciBySiren.values());
  }

  List<Commune> membersOf(Epci epci) {
    return byEpci.getOrDefault(epci.siren(), Collections.emptyList());
  }

  List<Commune> ofDepartment(String departmentCode) {
    return byDepartment.getOrDefault(departmentCode, Collections.emptyList());
  }

  /** The most populous commune of a department: usually its prefecture, where its services sit. */
  Commune departmentSeat(String departmentCode) {
    return ofDepartment(departmentCode).stream()
        .max(
            Comparator.comparingLong(Commune::populationOrZero)
                .thenComparing(Commune::inseeCode, Comparator.reverseOrder()))
        .orElseThrow();
  }
}
