package fr.barometer.jobs.cli;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.io.EditionSettings;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.intervals.IntervalsJob;
import fr.barometer.jobs.run.RunLock;
import fr.barometer.jobs.score.ScoreJob;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE},
    footerHeading = "%nExample:%n",
    footer = "  bin/barometer score --edition 2017",
    description =
        "Score an already ingested edition: answers, sites, structures, completeness, and the"
            + " scores' bootstrap intervals.")
public final class ScoreCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;

  @Option(names = "--edition", required = true, description = "The edition to score.")
  int edition;

  @Override
  public Integer call() {
    SparkSession session = spark.session("barometer score");
    Warehouse warehouse = spark.warehouse(session);
    try (RunLock lock = spark.lock(session, RunInfo.start(), "score")) {
      EditionConfig config = EditionSettings.of(warehouse, edition);
      ScoreJob.run(session, warehouse, config);
      IntervalsJob.run(session, warehouse, config);
    }
    System.out.println("Edition " + edition + " scored in " + warehouse.root());
    return 0;
  }
}
