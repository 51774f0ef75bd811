package fr.barometer.jobs.cli;

import fr.barometer.common.io.Warehouse;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "ddl",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE},
    footerHeading = "%nExample:%n",
    footer = "  bin/barometer ddl --database barometer > register.sql",
    description =
        "Print the CREATE TABLE statements that register the warehouse's tables in a metastore.")
public final class DdlCommand implements Callable<Integer> {
  @Mixin SparkOptions spark;

  @Option(
      names = "--database",
      description = "Prefix the table names with this database (e.g. barometer).")
  String database;

  @Override
  public Integer call() throws IOException {
    SparkSession session = spark.session("barometer ddl");
    Warehouse warehouse = spark.warehouse(session);
    for (String table : warehouse.tables()) {
      System.out.println(statement(session, warehouse, table));
    }
    return 0;
  }

  /**
   * The location is fully qualified (file:/, hdfs://, s3a://...): a metastore resolves no relative
   * path.
   */
  private String statement(SparkSession session, Warehouse warehouse, String table)
      throws IOException {
    Path path = new Path(warehouse.path(table));
    String location =
        path.getFileSystem(session.sparkContext().hadoopConfiguration())
            .makeQualified(path)
            .toString();
    String name = database == null ? table : database + "." + table;
    return "CREATE TABLE IF NOT EXISTS "
        + name
        + " USING delta LOCATION '"
        + location.replace("'", "\\'")
        + "';";
  }
}
