package fr.barometer.jobs.generate;

/**
 * What to generate: how many structures apply, the seed that makes the run reproducible, the
 * edition year, and how many survey responses ({@code null}: about 25 per participating
 * structure, the volume a real campaign collects).
 */
public record GeneratorOptions(int structures, long seed, int edition, Integer surveyResponses) {

  public static final int DEFAULT_EDITION = 2017;
  static final int RESPONSES_PER_PARTICIPANT = 25;

  public GeneratorOptions {
    if (structures < 1) {
      throw new IllegalArgumentException("structures must be at least 1, was " + structures);
    }
    if (edition < 2000 || edition > 2099) {
      throw new IllegalArgumentException("edition must be a year between 2000 and 2099, was " + edition);
    }
    if (surveyResponses != null && surveyResponses < 0) {
      throw new IllegalArgumentException("survey responses must not be negative, was " + surveyResponses);
    }
  }

  public GeneratorOptions(int structures, long seed) {
    this(structures, seed, DEFAULT_EDITION, null);
  }
}
