package fr.barometer.generator;

import static fr.barometer.generator.Randoms.logit;
import static fr.barometer.generator.Randoms.sigmoid;

import fr.barometer.common.domain.Category;
import java.util.EnumMap;
import java.util.Map;

/**
 * How good a structure is, and how that shows in each answer. Each structure has a latent quality
 * (standard normal, shifted mildly by category and size); each site and each audit adds its own
 * noise; every answer is then drawn around the national rate of its item, moved on the logit scale
 * by the audit's quality. The constants are calibrated so that the pipeline's national figures land
 * where the real barometer's do (mean around 67/100, 93% of calls taken within five rings).
 * Structures' scores spread with a standard deviation near 9: about 7 of it is the luck of single
 * audits (one voicemail audit per site, a quarter of which score 0), the rest is quality.
 */
final class QualityModel {
  /** Logit shift of an answer per unit of quality: sets how much structures differ. */
  static final double GAIN = 0.20;

  /** Day-to-day variation of one service between two audits. */
  static final double AUDIT_SD = 0.4;

  /** How far an auditor's mark strays from the expected one, in marks. */
  static final double MARK_SD = 0.55;

  /** Mild differences between networks, in units of quality (a structure's own spread is 1). */
  private static final Map<Category, Double> CATEGORY_EFFECT =
      new EnumMap<>(
          Map.ofEntries(
              Map.entry(Category.ADMINISTRATION, 0.05),
                  Map.entry(Category.HEALTH_SOCIAL_SECURITY, -0.15),
              Map.entry(Category.SOCIAL, 0.10), Map.entry(Category.SOCIAL_HOUSING, -0.10),
              Map.entry(Category.SECURITY, -0.05), Map.entry(Category.POSTAL, -0.20),
              Map.entry(Category.CULTURE_SPORT, 0.20), Map.entry(Category.EMPLOYMENT, -0.15),
              Map.entry(Category.UTILITIES, -0.10), Map.entry(Category.TRANSPORT, -0.10),
              Map.entry(Category.EDUCATION, 0.0), Map.entry(Category.CONSULAR, 0.10)));

  private final Randoms random;

  QualityModel(Randoms random) {
    this.random = random;
  }

  /** Mild effects only: larger communes answer a little better, some networks a little worse. */
  static double structureQuality(Category category, Commune commune, Randoms random) {
    double size =
        commune.hasPopulation() && commune.population() > 0
            ? Math.max(-0.2, Math.min(0.2, 0.08 * Math.log10(commune.population() / 10_000.0)))
            : -0.1;
    return CATEGORY_EFFECT.get(category) + size + random.gaussian();
  }

  /** Additional sites are a little weaker and more uneven than the head office. */
  static double siteQuality(double structureQuality, boolean main, Randoms random) {
    return main
        ? structureQuality + random.gaussian(0, 0.2)
        : structureQuality + random.gaussian(-0.1, 0.45);
  }

  /** The quality shown during one audit. */
  double auditQuality(double siteQuality) {
    return siteQuality + random.gaussian(0, AUDIT_SD);
  }

  /** Probability of a good outcome whose national rate is {@code rate}, for this quality. */
  static double rate(double rate, double quality) {
    return sigmoid(logit(rate) + GAIN * quality);
  }

  boolean good(double rate, double quality) {
    return random.chance(rate(rate, quality));
  }

  /**
   * A 1..4 mark whose points (v-1)/3 average {@code meanPoints} nationally. Auditors mark close to
   * what they saw: the mark is the expected one plus a little judgement noise, rounded.
   */
  int scale(double meanPoints, double quality) {
    double expected = 1 + 3 * rate(meanPoints, quality);
    return (int) Math.max(1, Math.min(4, Math.round(expected + random.gaussian(0, MARK_SD))));
  }

  /** A log-normal duration: median shrinks with quality. */
  double duration(double median, double sd, double quality) {
    return Math.exp(Math.log(median) - 0.5 * GAIN * quality + random.gaussian(0, sd));
  }
}
