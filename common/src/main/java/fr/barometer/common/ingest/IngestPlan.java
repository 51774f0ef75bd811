package fr.barometer.common.ingest;

import fr.barometer.common.io.LandingFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which files of one input a run must parse, given the files it finds and those the warehouse says
 * were already ingested: new and changed files are parsed, unchanged ones skipped, and the rows of
 * the files that disappeared (or changed) must go. With {@code restageAll} (a --full run, a changed
 * registry, a missing staging table) every file is parsed and the input's staged rows are replaced
 * whole.
 */
public record IngestPlan(
    String input,
    boolean restageAll,
    List<String> toParse,
    List<String> skipped,
    List<String> removed) {

  public static IngestPlan of(
      String input,
      Collection<LandingFile> found,
      Collection<LandingFile> ingested,
      boolean restageAll) {
    Map<String, LandingFile> before = byName(ingested);
    List<String> toParse = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (LandingFile f : sortedByName(found)) {
      boolean unchanged = !restageAll && f.sameContent(before.get(f.name()));
      (unchanged ? skipped : toParse).add(f.name());
    }
    Set<String> foundNames = found.stream().map(LandingFile::name).collect(Collectors.toSet());
    List<String> removed =
        before.keySet().stream().filter(n -> !foundNames.contains(n)).sorted().toList();
    return new IngestPlan(input, restageAll, List.copyOf(toParse), List.copyOf(skipped), removed);
  }

  /** The files whose staged rows this run replaces: the parsed ones and the vanished ones. */
  public List<String> replaced() {
    Set<String> names = new TreeSet<>(toParse);
    names.addAll(removed);
    return List.copyOf(names);
  }

  /** Nothing to write to the staging table: every file is as ingested. */
  public boolean nothingChanged() {
    return !restageAll && toParse.isEmpty() && removed.isEmpty();
  }

  /**
   * The registry files (names) that differ between two fingerprint sets: added, removed or changed.
   */
  public static List<String> changedFiles(
      Collection<LandingFile> found, Collection<LandingFile> ingested) {
    Map<String, LandingFile> before = byName(ingested);
    Map<String, LandingFile> now = byName(found);
    Set<String> names = new TreeSet<>(before.keySet());
    names.addAll(now.keySet());
    return names.stream()
        .filter(n -> now.get(n) == null || !now.get(n).sameContent(before.get(n)))
        .toList();
  }

  private static Map<String, LandingFile> byName(Collection<LandingFile> files) {
    return files.stream()
        .collect(Collectors.toMap(LandingFile::name, Function.identity(), (a, b) -> a));
  }

  private static List<LandingFile> sortedByName(Collection<LandingFile> files) {
    return files.stream().sorted(java.util.Comparator.comparing(LandingFile::name)).toList();
  }
}
