import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.io.EditionSettings;
import fr.barometer.common.io.SparkSessions;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.intervals.IntervalsJob;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;

/**
 * The intervals step alone, repeated on a scored warehouse (bench/steps/intervals.sh runs it): each
 * repeat's wall time, then the last repeat's Spark stages by time, so a change to the bootstrap can
 * be measured without running the whole pipeline. Usage: IntervalsStep WAREHOUSE EDITION REPEATS
 * [REPLICATES].
 */
public class IntervalsStep {
  public static void main(String[] args) {
    String root = args[0];
    int edition = Integer.parseInt(args[1]);
    int repeats = Integer.parseInt(args[2]);
    SparkSession spark =
        SparkSessions.builder("intervals-step", "local[*]")
            .config("spark.sql.shuffle.partitions", "8")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Map<String, Double> stages = new TreeMap<>();
    Map<Integer, double[]> tasks = new TreeMap<>();
    spark
        .sparkContext()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onTaskEnd(SparkListenerTaskEnd end) {
                double s = end.taskInfo().duration() / 1000.0;
                synchronized (stages) {
                  double[] t = tasks.computeIfAbsent(end.stageId(), k -> new double[3]);
                  t[0]++;
                  t[1] += s;
                  t[2] = Math.max(t[2], s);
                }
              }

              @Override
              public void onStageCompleted(SparkListenerStageCompleted done) {
                StageInfo s = done.stageInfo();
                long ms =
                    (long) s.completionTime().get() - (long) s.submissionTime().get();
                synchronized (stages) {
                  double[] t = tasks.getOrDefault(s.stageId(), new double[3]);
                  stages.merge(
                      String.format(
                          "%4d %s (%d tasks, %.1f s in all, longest %.1f s)",
                          s.stageId(), s.name().replaceAll("\\s+", " "), (int) t[0], t[1], t[2]),
                      ms / 1000.0,
                      Double::sum);
                }
              }
            });
    Warehouse warehouse = new Warehouse(spark, root);
    EditionConfig config = EditionSettings.of(warehouse, edition);
    if (args.length > 3) {
      config = config.withBootstrapReplicates(Integer.parseInt(args[3]));
    }
    for (int i = 1; i <= repeats; i++) {
      synchronized (stages) {
        stages.clear();
        tasks.clear();
      }
      long start = System.nanoTime();
      IntervalsJob.run(spark, warehouse, config);
      System.out.printf("intervals repeat=%d s=%.1f%n", i, (System.nanoTime() - start) / 1e9);
    }
    stages.entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(40)
        .forEach(e -> System.out.printf("  stage %s: %.1f s%n", e.getKey(), e.getValue()));
    spark.stop();
  }
}
