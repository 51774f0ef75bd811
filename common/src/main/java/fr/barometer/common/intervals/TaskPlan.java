package fr.barometer.common.intervals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

/**
 * Which task bootstraps which peer groups. A peer group is ranked whole in one task, and groups
 * range from a few structures to thousands: hashing their names into tasks left one task with twice
 * another's work while a core waited. Groups go instead, largest first, to the task with the least
 * work so far (structures as the measure of work), and each task gets a key that Spark's hash
 * partitioning sends to it. Where the tasks run changes no figure (the draws do not depend on it),
 * only how evenly the cores are kept busy.
 */
final class TaskPlan {
  /** The seed of Spark's hash partitioning (Murmur3Hash's default). */
  private static final int SPARK_HASH_SEED = 42;

  private TaskPlan() {}

  /**
   * Per peer group, the key whose hash partition among {@code tasks} is its task.
   *
   * @param sizes each peer group's number of structures
   */
  static Map<String, Integer> keys(Map<String, Integer> sizes, int tasks) {
    int[] keyOfTask = keysOfTasks(tasks);
    long[] load = new long[tasks];
    List<Map.Entry<String, Integer>> largestFirst = new ArrayList<>(sizes.entrySet());
    largestFirst.sort(
        Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Integer> keys = new HashMap<>();
    for (Map.Entry<String, Integer> group : largestFirst) {
      int least = 0;
      for (int t = 1; t < tasks; t++) {
        if (load[t] < load[least]) {
          least = t;
        }
      }
      load[least] += group.getValue();
      keys.put(group.getKey(), keyOfTask[least]);
    }
    return keys;
  }

  /** For each task 0 .. tasks - 1, the smallest non-negative int that Spark hashes to it. */
  static int[] keysOfTasks(int tasks) {
    int[] keys = new int[tasks];
    Arrays.fill(keys, -1);
    int found = 0;
    for (int k = 0; found < tasks; k++) {
      int task = Math.floorMod(Murmur3_x86_32.hashInt(k, SPARK_HASH_SEED), tasks);
      if (keys[task] < 0) {
        keys[task] = k;
        found++;
      }
    }
    return keys;
  }
}
