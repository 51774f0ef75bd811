package fr.barometer.generator;

import fr.barometer.common.domain.BarometerException;

/**
 * What to generate: how many structures apply, the seed that makes the run reproducible, the
 * edition year, how many survey responses ({@code null}: about 25 per participating structure, the
 * volume a real campaign collects), and {@code registryOf}: {@code null} for a registry of the
 * edition's own, else the later edition (the next year) whose registry this edition is the previous
 * edition of (see {@link RegistryHistory}).
 */
public record GeneratorOptions(
    int structures, long seed, int edition, Integer surveyResponses, Integer registryOf) {

  static final int RESPONSES_PER_PARTICIPANT = 25;

  /** An edition with a registry of its own. */
  public GeneratorOptions(int structures, long seed, int edition, Integer surveyResponses) {
    this(structures, seed, edition, surveyResponses, null);
  }

  /** Bad options are the user's to fix: one-line messages naming the command-line option. */
  public GeneratorOptions {
    if (structures < 1) {
      throw invalid("--structures", "must be at least 1, was " + structures);
    }
    if (edition < 2000 || edition > 2099) {
      // Audit and response ids carry the edition's last two digits.
      throw invalid("--edition", "must be a year from 2000 to 2099, was " + edition);
    }
    if (surveyResponses != null && surveyResponses < 0) {
      throw invalid("--survey-responses", "must not be negative, was " + surveyResponses);
    }
    if (registryOf != null && registryOf != edition + 1) {
      throw invalid(
          "--registry-of",
          "must be the edition after --edition ("
              + (edition + 1)
              + " for --edition "
              + edition
              + "), was "
              + registryOf);
    }
  }

  /** Whether this edition is the previous edition of a later one's registry. */
  boolean carriedBack() {
    return registryOf != null;
  }

  private static BarometerException invalid(String option, String why) {
    return new BarometerException("Invalid option " + option + ": " + why);
  }
}
