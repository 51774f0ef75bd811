package fr.barometer.generator;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.Referential;
import fr.barometer.common.domain.BarometerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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

    EditionFiles settings = new EditionFiles(options.edition());
    settings.write(outDir);
    Communes communes = Communes.shipped();
    Registry registry =
        new RegistryGenerator(communes, registryRandom).generate(options.structures());
    BadRecordLog log = new BadRecordLog();
    SortedMap<String, Long> rows = new TreeMap<>();
    rows.putAll(new RegistryFiles(registry, communes, mistakesRandom, log).write(outDir));
    SortedMap<String, Long> audits =
        new AuditGenerator(registry, settings.edition(), settings.grid(), auditRandom, log)
            .write(outDir);
    rows.putAll(audits);
    long responses =
        options.surveyResponses() != null
            ? options.surveyResponses()
            : SurveyGenerator.defaultResponses(registry);
    SortedMap<String, Long> survey =
        new SurveyGenerator(registry, settings.edition(), communes, surveyRandom, log)
            .write(outDir, responses);
    rows.putAll(survey);

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
        log.counts());
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
