package fr.barometer.jobs.run;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;
import scala.Option;

/**
 * What a running step has done, read from Spark's status tracker once a second: the time elapsed,
 * the Spark stages finished, the tasks of the running stages (in ingest's parse stage, one task is
 * one landing file) and an estimate of what the running stages have left. In a terminal a bar
 * redrawn in place; otherwise (a cron log, a file) a plain line every {@link #LOG_EVERY_SECONDS}.
 */
public final class Progress implements AutoCloseable {
  /** How often a plain progress line is written when the output is not a terminal. */
  public static final int LOG_EVERY_SECONDS = 30;

  private static final int BAR = 24;

  private final SparkStatusTracker tracker;
  private final String step;
  private final PrintStream out;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private final Set<Integer> seenStages = new HashSet<>();
  private final Set<Integer> runningStages = new HashSet<>();
  private final ScheduledExecutorService timer;
  private long lastLine = System.nanoTime();
  private int drawn;

  private Progress(SparkSession spark, String step, PrintStream out, boolean terminal) {
    this.tracker = spark.sparkContext().statusTracker();
    this.step = step;
    this.out = out;
    this.terminal = terminal;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "barometer progress");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  /** Starts showing the step's progress on {@code out}; a terminal when a console is attached. */
  public static Progress of(SparkSession spark, String step, PrintStream out) {
    return new Progress(spark, step, out, System.console() != null);
  }

  /** The same, saying whether {@code out} is a terminal (tests). */
  static Progress of(SparkSession spark, String step, PrintStream out, boolean terminal) {
    return new Progress(spark, step, out, terminal);
  }

  private synchronized void tick() {
    try {
      String line = line();
      if (terminal) {
        String padded = String.format("%-" + Math.max(drawn, line.length()) + "s", line);
        out.print("\r" + padded);
        drawn = line.length();
        out.flush();
      } else if (System.nanoTime() - lastLine >= TimeUnit.SECONDS.toNanos(LOG_EVERY_SECONDS)) {
        out.println(line);
        out.flush();
        lastLine = System.nanoTime();
      }
    } catch (RuntimeException e) {
      // A progress line is never worth stopping a run for: the next tick tries again.
    }
  }

  /** One progress line: "step score: 1:12, 14 Spark stages done, [####....] 120/200 tasks...". */
  synchronized String line() {
    int[] active = tracker.getActiveStageIds();
    long done = 0;
    long total = 0;
    long earliest = Long.MAX_VALUE;
    Set<Integer> now = new HashSet<>();
    for (int id : active) {
      Option<SparkStageInfo> info = tracker.getStageInfo(id);
      if (info.isDefined()) {
        done += info.get().numCompletedTasks();
        total += info.get().numTasks();
        earliest = Math.min(earliest, info.get().submissionTime());
        now.add(id);
      }
    }
    seenStages.addAll(now);
    runningStages.clear();
    runningStages.addAll(now);
    int finished = seenStages.size() - runningStages.size();
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "step %s: %s, %d Spark stage%s done",
                step,
                clock((System.nanoTime() - start) / 1_000_000_000L),
                finished,
                finished == 1 ? "" : "s"));
    if (total > 0) {
      line.append(String.format(Locale.ROOT, ", %s %d/%d tasks", bar(done, total), done, total));
      if (done > 0 && earliest != Long.MAX_VALUE) {
        long running = Math.max(0, System.currentTimeMillis() - earliest) / 1000;
        long left = running * (total - done) / done;
        line.append(", about ").append(clock(left)).append(" left in the running stages");
      }
    }
    return line.toString();
  }

  @Override
  public synchronized void close() {
    timer.shutdownNow();
    if (terminal && drawn > 0) {
      out.print("\r" + " ".repeat(drawn) + "\r");
      out.flush();
    }
  }

  private String bar(long done, long total) {
    int filled = (int) (BAR * done / total);
    return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
  }

  private static String clock(long seconds) {
    return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
  }
}
