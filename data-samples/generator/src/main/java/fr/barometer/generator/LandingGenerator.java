package fr.barometer.generator;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.Referential;
import fr.barometer.common.domain.BarometerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes a complete synthetic landing folder (spec section 1): the edition's settings and grid, the
 * registry of structures, sites and orders placed on real communes, the mystery audits and the
 * citizen survey, with a low rate of the bad records every loader must quarantine. The same options
 * always give byte-identical files; nothing depends on the clock or on hash order.
 */
public final class LandingGenerator {
  private static final Set<String> OWNED_FILES =
      Set.of(
          EditionConfig.FILE_NAME,
          Referential.FILE_NAME,
          "structures.csv",
          "sites.csv",
          "orders.csv");

  private LandingGenerator() {}

  public static GenerationSummary generate(Path outDir, GeneratorOptions options)
      throws IOException {
    prepare(outDir);
    Randoms root = new Randoms(options.seed());
    Randoms registryRandom = root.split();
    Randoms mistakesRandom = root.split();
    Randoms auditRandom = root.split();
    Randoms surveyRandom = root.split();

    Communes communes = Communes.shipped();
    RegistryGenerator registryGenerator = new RegistryGenerator(communes, registryRandom);
    Registry registry = registryGenerator.generate(options.structures());
    EditionFiles settings;
    RegistryHistory.CarriedBack history = null;
    if (options.carriedBack()) {
      // The later edition's registry, carried back; every other draw from streams of its own, so
      // that the earlier edition's audits and survey are not the later one's moved back a year.
      Randoms earlier = root.split();
      settings = EditionFiles.before(options.registryOf(), options.edition());
      history =
          RegistryHistory.carryBack(
              registry, registryGenerator, earlier.split(), settings.edition());
      registry = history.registry();
      mistakesRandom = earlier.split();
      auditRandom = earlier.split();
      surveyRandom = earlier.split();
    } else {
      settings = new EditionFiles(options.edition());
    }
    settings.write(outDir);
    BadRecordLog log = new BadRecordLog();
    SortedMap<String, Long> rows = new TreeMap<>();
    RegistryFiles registryFiles = new RegistryFiles(registry, communes, mistakesRandom, log);
    rows.putAll(registryFiles.write(outDir));
    SortedMap<String, Long> audits =
        new AuditGenerator(registry, settings.edition(), settings.grid(), auditRandom, log)
            .write(outDir);
    rows.putAll(audits);
    long responses =
        options.surveyResponses() != null
            ? options.surveyResponses()
            : SurveyGenerator.defaultResponses(registry);
    SurveyGenerator surveyGenerator =
        new SurveyGenerator(registry, settings.edition(), communes, surveyRandom, log);
    SortedMap<String, Long> survey = surveyGenerator.write(outDir, responses);
    rows.putAll(survey);

    List<String> historyLines = List.of();
    if (history != null) {
      Set<String> named = new TreeSet<>(registryFiles.communesNamed());
      named.addAll(surveyGenerator.communesNamed());
      RegistryHistory.PopulationChange change = history.populationChange();
      Map<String, Long> populations =
          change == null
              ? Map.of()
              : Map.of(change.commune().inseeCode(), change.earlierPopulation());
      rows.put(
          ReferenceCommunes.FOLDER + "/" + ReferenceCommunes.FILE,
          ReferenceCommunes.write(outDir, named, populations));
      historyLines = describe(history, options);
    }

    return new GenerationSummary(
        outDir,
        options.edition(),
        options.seed(),
        registry.structures().size(),
        registry.accepted().size(),
        registry.sites().size(),
        registry.orders().size(),
        sum(audits),
        sum(survey),
        rows,
        log.counts(),
        historyLines);
  }

  /** What the earlier edition changes, for the summary. */
  private static List<String> describe(
      RegistryHistory.CarriedBack history, GeneratorOptions options) {
    int later = options.registryOf();
    int year = options.edition();
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "registry of %d carried back to %d: %d structures new in %d left out (%s), %d that"
                + " left after %d added (%s)",
            later,
            year,
            history.newInLater().size(),
            later,
            String.join(" ", history.newInLater()),
            history.leftAfter().size(),
            year,
            String.join(" ", history.leftAfter())));
    RegistryHistory.PopulationChange c = history.populationChange();
    if (c == null) {
      lines.add("no town hall near a stratum bound: every population as shipped");
    } else {
      lines.add(
          String.format(
              "town hall %s (%s, %s): population %,d in reference/communes.csv, %,d shipped;"
                  + " stratum %s in %d, %s in %d",
              c.structureId(),
              c.commune().name(),
              c.commune().inseeCode(),
              c.earlierPopulation(),
              c.laterPopulation(),
              c.earlierStratum(),
              year,
              c.laterStratum(),
              later));
    }
    lines.add(
        String.format(
            "grid: %s (WEB, %s) in %d only, %s (WEB, C01) added in %d, %s (LETTER, C04) weighs %d"
                + " in %d",
            EarlierGrid.DROPPED_ITEM,
            EarlierGrid.DROPPED_CRITERION,
            year,
            EarlierGrid.ADDED_ITEM,
            later,
            EarlierGrid.REWEIGHTED_ITEM,
            EarlierGrid.EARLIER_WEIGHT,
            year));
    return lines;
  }

  private static long sum(SortedMap<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * A new or empty folder, or one this generator filled before (whose files are then replaced).
   * Anything else is refused rather than mixed with generated files or deleted.
   */
  private static void prepare(Path outDir) throws IOException {
    if (!Files.exists(outDir)) {
      Files.createDirectories(outDir);
      return;
    }
    if (!Files.isDirectory(outDir)) {
      throw new BarometerException(
          "Cannot generate into " + outDir + ": it is a file, not a folder.");
    }
    List<Path> generated = new ArrayList<>();
    try (Stream<Path> entries = Files.list(outDir)) {
      for (Path entry : entries.sorted().toList()) {
        String name = entry.getFileName().toString();
        if (OWNED_FILES.contains(name) && Files.isRegularFile(entry)) {
          generated.add(entry);
        } else if (name.equals(AuditFiles.FOLDER) && Files.isDirectory(entry)) {
          generated.addAll(ownedFiles(entry, ".jsonl", outDir));
        } else if (name.equals(SurveyGenerator.FOLDER) && Files.isDirectory(entry)) {
          generated.addAll(ownedFiles(entry, ".csv", outDir));
        } else if (name.equals(ReferenceCommunes.FOLDER) && Files.isDirectory(entry)) {
          List<Path> files = ownedFiles(entry, ".csv", outDir);
          for (Path f : files) {
            if (!f.getFileName().toString().equals(ReferenceCommunes.FILE)) {
              throw notGenerated(outDir, f);
            }
          }
          generated.addAll(files);
          // Only an earlier edition has one: the folder goes with its file.
          generated.add(entry);
        } else {
          throw notGenerated(outDir, entry);
        }
      }
    }
    for (Path file : generated) {
      Files.delete(file);
    }
  }

  private static List<Path> ownedFiles(Path folder, String extension, Path outDir)
      throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      List<Path> files = entries.sorted().toList();
      for (Path f : files) {
        if (!Files.isRegularFile(f) || !f.getFileName().toString().endsWith(extension)) {
          throw notGenerated(outDir, f);
        }
      }
      return files;
    }
  }

  private static BarometerException notGenerated(Path outDir, Path entry) {
    return new BarometerException(
        "Cannot generate into "
            + outDir
            + ": it holds "
            + outDir.relativize(entry)
            + ", which the generator does not write. Choose a new or empty folder.");
  }
}
