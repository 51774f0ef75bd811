package fr.barometer.generator;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Draws values with probability proportional to a weight, in O(log n) per draw. */
final class WeightedPicker<T> {
  private final List<T> values;
  private final double[] cumulative;

  WeightedPicker(List<T> values, ToDoubleFunction<T> weight) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("nothing to pick from");
    }
    this.values = List.copyOf(values);
    this.cumulative = new double[values.size()];
    double total = 0;
    for (int i = 0; i < values.size(); i++) {
      total += Math.max(0, weight.applyAsDouble(values.get(i)));
      cumulative[i] = total;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("all weights are zero");
    }
  }

  T pick(Randoms random) {
    double x = random.uniform() * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, x);
    int index = i >= 0 ? i + 1 : -i - 1;
    return values.get(Math.min(index, values.size() - 1));
  }
}
