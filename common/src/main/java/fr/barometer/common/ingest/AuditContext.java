package fr.barometer.common.ingest;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.Referential;
import fr.barometer.common.domain.ApplicationStatus;
import fr.barometer.common.domain.Plan;
import java.io.Serializable;
import java.util.Map;

/**
 * What an audit record is checked against: the edition's settings and grid, and the kept structures
 * and sites. Small enough to ship to every task (a few MB at national scale).
 */
public record AuditContext(
    EditionConfig config,
    Referential grid,
    Map<String, StructureRef> structures,
    Map<String, SiteRef> sites)
    implements Serializable {

  public record StructureRef(String category, ApplicationStatus status, Plan plan)
      implements Serializable {}

  public record SiteRef(String structureId, boolean isMain, boolean mysteryVisit)
      implements Serializable {}
}
