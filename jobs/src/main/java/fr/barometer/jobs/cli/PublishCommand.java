package fr.barometer.jobs.cli;

import fr.barometer.common.io.EditionSettings;
import fr.barometer.common.io.RunInfo;
import fr.barometer.common.io.Warehouse;
import fr.barometer.jobs.run.Pipeline;
import fr.barometer.jobs.run.RunLock;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE},
    footerHeading = "%nExample:%n",
    footer = "  bin/barometer publish --edition 2017",
    description =
        "Position a scored edition, publish the national barometer, trophies and invoices,"
            + " compare the edition (and the later ones) with the earlier editions, and rebuild"
            + " the report datasets that depend on them.")
public final class PublishCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;

  @Option(names = "--edition", required = true, description = "The edition to publish.")
  int edition;

  @Override
  public Integer call() {
    SparkSession session = spark.session("barometer publish");
    Warehouse warehouse = spark.warehouse(session);
    try (RunLock lock = spark.lock(session, RunInfo.start(), "publish")) {
      // Republishing without the report datasets would leave their positions stale.
      Pipeline.publishAndReport(session, warehouse, EditionSettings.of(warehouse, edition));
    }
    System.out.println("Edition " + edition + " published in " + warehouse.root());
    return 0;
  }
}
