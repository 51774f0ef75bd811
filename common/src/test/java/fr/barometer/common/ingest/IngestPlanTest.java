package fr.barometer.common.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.io.LandingFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestPlanTest {
  private static LandingFile audit(String name, long size, String sha) {
    return new LandingFile(LandingFile.AUDITS, name, size, sha);
  }

  @Test
  void parsesNewAndChangedFilesSkipsUnchangedOnesAndDropsVanishedOnes() {
    List<LandingFile> ingested =
        List.of(
            audit("audits/09.jsonl", 10, "a"),
            audit("audits/10.jsonl", 20, "b"),
            audit("audits/gone.jsonl", 5, "c"));
    List<LandingFile> found =
        List.of(
            audit("audits/11.jsonl", 7, "d"),
            audit("audits/10.jsonl", 20, "b"),
            audit("audits/09.jsonl", 10, "a2"));
    IngestPlan plan = IngestPlan.of(LandingFile.AUDITS, found, ingested, false);
    assertEquals(List.of("audits/09.jsonl", "audits/11.jsonl"), plan.toParse());
    assertEquals(List.of("audits/10.jsonl"), plan.skipped());
    assertEquals(List.of("audits/gone.jsonl"), plan.removed());
    assertEquals(
        List.of("audits/09.jsonl", "audits/11.jsonl", "audits/gone.jsonl"), plan.replaced());
    assertFalse(plan.nothingChanged());
  }

  @Test
  void restagingAllParsesEveryFile() {
    List<LandingFile> files = List.of(audit("audits/09.jsonl", 10, "a"));
    IngestPlan plan = IngestPlan.of(LandingFile.AUDITS, files, files, true);
    assertEquals(List.of("audits/09.jsonl"), plan.toParse());
    assertTrue(plan.skipped().isEmpty());
  }

  @Test
  void nothingToDoWhenEveryFileIsAsIngested() {
    List<LandingFile> files = List.of(audit("audits/09.jsonl", 10, "a"));
    assertTrue(IngestPlan.of(LandingFile.AUDITS, files, files, false).nothingChanged());
  }

  @Test
  void registryChangesNameAddedRemovedAndChangedFiles() {
    List<LandingFile> before =
        List.of(
            new LandingFile("registry", "sites.csv", 3, "s"),
            new LandingFile("registry", "orders.csv", 3, "o"),
            new LandingFile("registry", "structures.csv", 3, "x"));
    List<LandingFile> now =
        List.of(
            new LandingFile("registry", "sites.csv", 3, "s"),
            new LandingFile("registry", "structures.csv", 3, "y"),
            new LandingFile("registry", "edition.json", 3, "e"));
    assertEquals(
        List.of("edition.json", "orders.csv", "structures.csv"),
        IngestPlan.changedFiles(now, before));
    assertTrue(IngestPlan.changedFiles(now, now).isEmpty());
  }
}
