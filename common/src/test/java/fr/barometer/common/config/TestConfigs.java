package fr.barometer.common.config;

/** Edition settings for tests: the defaults with one setting changed. */
public final class TestConfigs {
  private TestConfigs() {}

  /** The default settings with this k_anonymity. */
  public static EditionConfig withK(int k) {
    EditionConfig c = EditionConfig.defaults();
    return new EditionConfig(
        c.edition(),
        c.registrationClose(),
        c.windows(),
        c.quotas(),
        c.channelWeights(),
        c.minCommunePopulation(),
        c.minEpciPopulation(),
        c.strata(),
        k,
        c.surveyMinResponses(),
        c.prices(),
        c.vatRate());
  }
}
