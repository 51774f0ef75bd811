package fr.barometer.jobs.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.barometer.common.domain.Measure;
import fr.barometer.common.domain.Scope;

/**
 * The published national figures, as the national page and its JSON show them: rows of
 * barometer_national, survey_national and perceived_vs_produced_national. A suppressed cell keeps
 * what it is and its counts, whatever values the table holds ({@link BarometerCell#published}).
 */
public final class NationalFigures {
  private NationalFigures() {}

  /**
   * A cell of the national barometer.
   *
   * @param name the REGION cells' region name and code, e.g. "Bretagne (53)"; null for others
   */
  public record BarometerCell(
      String scope,
      String scopeValue,
      String measure,
      Long nStructures,
      Boolean suppressed,
      String suppression,
      Double mean,
      Double p25,
      Double median,
      Double p75,
      Double compliance,
      Double meanLower,
      Double meanUpper,
      @JsonInclude(JsonInclude.Include.NON_NULL) String name) {

    /** The cell as published: a suppressed one without its values. */
    public BarometerCell published() {
      return Boolean.TRUE.equals(suppressed)
          ? new BarometerCell(
              scope,
              scopeValue,
              measure,
              nStructures,
              true,
              suppression,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              name)
          : this;
    }

    public BarometerCell named(String regionName) {
      return new BarometerCell(
          scope,
          scopeValue,
          measure,
          nStructures,
          suppressed,
          suppression,
          mean,
          p25,
          median,
          p75,
          compliance,
          meanLower,
          meanUpper,
          regionName);
    }

    /**
     * What tells the cell apart in its table: the measure nationally, the scope value elsewhere.
     */
    @JsonIgnore
    public String key() {
      return Scope.NATIONAL.name().equals(scope) ? measure : scopeValue;
    }

    @JsonIgnore
    public Measure measureOf() {
      return Measure.parse(measure);
    }
  }

  /** A cell of the survey's national figures. */
  public record SurveyCell(
      String scope,
      String scopeValue,
      Long nStructures,
      Long responses,
      Boolean suppressed,
      String suppression,
      @JsonProperty("rate_q_access") Double rateQAccess,
      @JsonProperty("rate_q_reception") Double rateQReception,
      @JsonProperty("rate_q_information") Double rateQInformation,
      @JsonProperty("rate_q_delay") Double rateQDelay,
      @JsonProperty("rate_q_courtesy") Double rateQCourtesy,
      @JsonProperty("rate_q_overall") Double rateQOverall,
      Double satisfactionOverall,
      Double nps,
      @JsonInclude(JsonInclude.Include.NON_NULL) String name) {

    /** The cell as published: a suppressed one keeps what it is and its counts only. */
    public SurveyCell published() {
      return Boolean.TRUE.equals(suppressed)
          ? new SurveyCell(
              scope,
              scopeValue,
              nStructures,
              responses,
              true,
              suppression,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              name)
          : this;
    }

    public SurveyCell named(String regionName) {
      return new SurveyCell(
          scope,
          scopeValue,
          nStructures,
          responses,
          suppressed,
          suppression,
          rateQAccess,
          rateQReception,
          rateQInformation,
          rateQDelay,
          rateQCourtesy,
          rateQOverall,
          satisfactionOverall,
          nps,
          regionName);
    }
  }

  /** Produced against perceived quality, nationally. */
  public record Correlation(Long nStructures, Double pearson, Double spearman) {}

  /**
   * The national barometer score in one edition, as barometer_series holds it: the published mean
   * and median, and their change since the previous edition (null when the cell was suppressed in
   * either edition, or the grids share no item).
   */
  public record SeriesPoint(
      Integer edition,
      Long nStructures,
      Boolean suppressed,
      Double mean,
      Double median,
      Integer previousEdition,
      String basis,
      Double meanChange,
      Double medianChange) {}
}
