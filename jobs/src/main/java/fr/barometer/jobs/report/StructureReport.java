package fr.barometer.jobs.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What one structure receives, as a report dataset's row holds it: the model behind its JSON file
 * (Jackson, snake_case names as in the tables) and its HTML and PDF documents (FreeMarker). A
 * standard structure's results fill the first fields and its positions; a personalised report fills
 * them all. Every figure of other structures in it has gone through the disclosure rule.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StructureReport(
    Integer edition,
    String structureId,
    String name,
    String category,
    String subtype,
    String plan,
    String peerGroup,
    Double barometerScore,
    Boolean complete,
    Territory territory,
    Performance performance,
    List<Site> sites,
    List<ChannelScore> channels,
    List<StepScore> steps,
    List<CriterionScore> criteria,
    List<Comment> comments,
    List<Position> positioning,
    Survey survey,
    List<Highlight> strengths,
    List<Highlight> pointsOfProgress,
    List<EditionScore> editions,
    List<Change> evolution,
    List<ScoreInterval> intervals) {

  /** The main site's commune's region and department. */
  public record Territory(
      String regionCode, String regionName, String departmentCode, String departmentName) {}

  /** A measure's value and where it stands, in the groups the structure may see. */
  public record Position(
      String measure,
      Double value,
      Long peerGroupSize,
      Boolean peerGroupPublished,
      String comparison,
      String comparisonGroup,
      Long comparisonSize,
      Integer rank,
      Double percentile,
      Integer quartile,
      Double groupMean,
      Double gapToGroupMean,
      Double groupP25,
      Double groupMedian,
      Double groupP75,
      Double percentileNational,
      Double gapToNationalMean,
      Long regionSize,
      Integer rankRegion,
      Double percentileRegion,
      Long departmentSize,
      Integer rankDepartment,
      Double percentileDepartment) {}

  /** The structure's scores as a whole. */
  public record Performance(
      Double barometerScore,
      Double globalScore,
      Double allSitesScore,
      Double compliance,
      Boolean complete,
      Long nAudits,
      Long nSites) {}

  /** One of its sites, the main site first. */
  public record Site(
      Integer order,
      String siteId,
      String name,
      Boolean isMain,
      Double globalScore,
      Double remoteScore,
      Double compliance,
      Long nAudits) {}

  /** The main site's score on a channel. */
  public record ChannelScore(String channel, Double score, Double compliance, Long nAudits) {}

  /** The main site's score on a journey step. */
  public record StepScore(String step, Double score, Double compliance) {}

  /** The main site's score on a criterion, all channels, with its items. */
  public record CriterionScore(
      String criterion, String label, Double score, Double compliance, List<ItemScore> items) {}

  /** The main site's score on one item of the grid. */
  public record ItemScore(
      String itemId,
      String channel,
      String step,
      String label,
      Double score,
      Double compliance,
      Long nAudits) {}

  /** What an auditor wrote, and when (Paris time, "yyyy-MM-ddTHH:mm"). */
  public record Comment(
      String channel,
      String scenarioId,
      String scenarioLabel,
      String contactedAt,
      String siteName,
      String comment) {}

  /**
   * The citizen survey: the structure's own results, and its category's on its territory. The rates
   * keep the tables' names (rate_q_access): a one-letter word is not snake-cased alone.
   */
  public record Survey(
      String status,
      Long responses,
      @JsonProperty("rate_q_access") Double rateQAccess,
      @JsonProperty("rate_q_reception") Double rateQReception,
      @JsonProperty("rate_q_information") Double rateQInformation,
      @JsonProperty("rate_q_delay") Double rateQDelay,
      @JsonProperty("rate_q_courtesy") Double rateQCourtesy,
      @JsonProperty("rate_q_overall") Double rateQOverall,
      Double satisfactionOverall,
      Double nps,
      Perception department,
      Perception region,
      Perception category) {}

  /** The category's perception over a territory; satisfaction only when shown. */
  public record Perception(
      Long responses, Long structures, String withheld, Double satisfactionOverall) {}

  /** A strength or a point of progress: a criterion far from its comparison group's mean. */
  public record Highlight(
      Integer order,
      String criterion,
      String label,
      Double value,
      String comparison,
      String comparisonGroup,
      Double groupMean,
      Double gap) {}

  /**
   * The barometer score in one edition, beside that edition's comparison group's published median
   * (null when no group was published).
   */
  public record EditionScore(
      Integer edition,
      Double barometerScore,
      String comparison,
      String comparisonGroup,
      Double groupMedian) {}

  /**
   * A measure's change since the previous edition with a value: the compared values are the
   * published ones on the same grid, both recomputed on the shared items when the grid changed,
   * none when the grids share no item (basis).
   */
  public record Change(
      String measure,
      Integer previousEdition,
      Double previousValue,
      Double value,
      String basis,
      Double comparedPreviousValue,
      Double comparedValue,
      Double delta) {}

  /**
   * A score's 95% bootstrap interval; for the barometer score, where it ranks in its peer group
   * across the replicates and how it compares with the group's mean (null unless the peer group is
   * its comparison group).
   */
  public record ScoreInterval(
      String measure,
      Double lower,
      Double upper,
      Integer replicates,
      Integer rankLower,
      Integer rankUpper,
      Double pFirst,
      Double gapToPeerMeanLower,
      Double gapToPeerMeanUpper,
      String vsPeerMean) {}
}
