package fr.barometer.common.intervals;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.barometer.common.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class TaskPlanTest {
  private static final SparkSession SPARK = SparkTestSession.get();

  /** Spark's hash partitioning sends each task's key to that task. */
  @Test
  void eachKeyLandsInItsTask() {
    for (int tasks : new int[] {1, 2, 8, 13}) {
      int[] keys = TaskPlan.keysOfTasks(tasks);
      List<Integer> values = new ArrayList<>();
      for (int k : keys) {
        values.add(k);
      }
      List<Row> landed =
          SPARK
              .createDataset(values, Encoders.INT())
              .repartition(tasks, col("value"))
              .select(col("value"), spark_partition_id())
              .collectAsList();
      for (Row r : landed) {
        assertEquals(keys[r.getInt(1)], r.getInt(0), tasks + " tasks");
      }
    }
  }

  /**
   * Groups of 7, 5, 4, 3 and 1 structures on two tasks, largest first to the least loaded: 7 | 5,
   * then 4 to the 5 (9), 3 to the 7 (10), 1 to the 9: 10 and 10.
   */
  @Test
  void largestGroupsFirstToTheLeastLoadedTask() {
    int[] keys = TaskPlan.keysOfTasks(2);
    Map<String, Integer> plan = TaskPlan.keys(Map.of("A", 7, "B", 5, "C", 4, "D", 3, "E", 1), 2);
    assertEquals(keys[0], plan.get("A"));
    assertEquals(keys[0], plan.get("D"));
    assertEquals(keys[1], plan.get("B"));
    assertEquals(keys[1], plan.get("C"));
    assertEquals(keys[1], plan.get("E"));
  }
}
