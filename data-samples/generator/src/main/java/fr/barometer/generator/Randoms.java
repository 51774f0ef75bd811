package fr.barometer.generator;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The one source of randomness of a generation run. Each part of the landing folder draws from its
 * own split stream, so that changing how the survey is drawn does not move every audit. Gaussian
 * draws use our own Box-Muller so the output does not depend on a JDK's algorithm.
 */
final class Randoms {
  private final SplittableRandom random;

  Randoms(long seed) {
    this(new SplittableRandom(seed));
  }

  private Randoms(SplittableRandom random) {
    this.random = random;
  }

  /** An independent stream; call in a fixed order to stay deterministic. */
  Randoms split() {
    return new Randoms(random.split());
  }

  double uniform() {
    return random.nextDouble();
  }

  /** A whole number in [low, high], both included. */
  int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  int below(int bound) {
    return random.nextInt(bound);
  }

  long below(long bound) {
    return random.nextLong(bound);
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  double gaussian() {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
  }

  double gaussian(double mean, double sd) {
    return mean + sd * gaussian();
  }

  <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  @SafeVarargs
  final <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  /** Index drawn with the given relative weights. */
  int weightedIndex(double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** One of {@code values}, drawn with the weights given in the same order. */
  <T> T weighted(List<T> values, double... weights) {
    if (values.size() != weights.length) {
      throw new IllegalArgumentException(
          values.size() + " values but " + weights.length + " weights");
    }
    return values.get(weightedIndex(weights));
  }

  static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  static double logit(double p) {
    return Math.log(p / (1.0 - p));
  }
}
