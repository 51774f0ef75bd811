package fr.barometer.generator;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.Referential;
import fr.barometer.common.domain.Channel;
import fr.barometer.generator.Registry.Site;
import fr.barometer.generator.Registry.Structure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

/**
 * Writes the audits of every site in the audit perimeter, streamed one at a time. Quotas come from
 * the edition; about one site in twenty ends the campaign one audit short on a channel, as happens
 * when an auditor's contact fails and is not replayed in time.
 */
final class AuditGenerator {
  private static final double SHORT_SITE = 0.05;

  private final Registry registry;
  private final EditionConfig edition;
  private final Referential grid;
  private final Randoms random;
  private final BadRecordLog log;

  AuditGenerator(
      Registry registry,
      EditionConfig edition,
      Referential grid,
      Randoms random,
      BadRecordLog log) {
    this.registry = registry;
    this.edition = edition;
    this.grid = grid;
    this.random = random;
    this.log = log;
  }

  /** Writes the audits folder; returns the lines written per file. */
  SortedMap<String, Long> write(Path landing) throws IOException {
    List<Site> sites = registry.perimeterSites();
    int[][] plan = plan(sites);
    int total = 0;
    for (int[] perChannel : plan) {
      for (int n : perChannel) {
        total += n;
      }
    }
    AuditIds ids = new AuditIds(edition.edition());
    AuditFactory factory = new AuditFactory(edition, grid, random.split());
    AuditFaults faults =
        new AuditFaults(registry, edition, grid, factory, ids, random.split(), log, total);
    try (AuditFiles files = new AuditFiles(landing)) {
      int index = 0;
      for (int s = 0; s < sites.size(); s++) {
        Site site = sites.get(s);
        Structure structure = registry.structure(site.structureId());
        for (Channel channel : Channel.values()) {
          for (int k = 0; k < plan[s][channel.ordinal()]; k++) {
            AuditRecord audit = factory.audit(ids.next(), structure, site, channel);
            faults.emit(index++, audit, structure, channel, files);
          }
        }
      }
      return files.lines();
    }
  }

  /** Audits per site and channel: the quota, visits only where ordered, a few sites one short. */
  private int[][] plan(List<Site> sites) {
    int[][] plan = new int[sites.size()][Channel.values().length];
    for (int s = 0; s < sites.size(); s++) {
      Site site = sites.get(s);
      for (Channel c : Channel.values()) {
        plan[s][c.ordinal()] = c == Channel.VISIT && !site.mysteryVisit() ? 0 : edition.quota(c);
      }
      if (random.chance(SHORT_SITE)) {
        Channel c = random.pick(Channel.REMOTE);
        plan[s][c.ordinal()] = Math.max(0, plan[s][c.ordinal()] - 1);
      }
    }
    return plan;
  }
}
