package fr.barometer.jobs.cli;

import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.io.SparkSessions;
import fr.barometer.common.io.Warehouse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE},
    footerHeading = "%nExample:%n",
    footer = {
      "  bin/barometer sql \"SELECT count(*) FROM structure_scores\"",
      "  bin/barometer sql --file checks.sql --format csv",
      "  bin/barometer sql < checks.sql"
    },
    description = {
      "Run Spark SQL on the warehouse, each table under its name. A statement reads only the"
          + " tables it names (SHOW TABLES registers them all).",
      "",
      "With QUERY, run it. With --file FILE, or with neither (standard input), run the"
          + " statements one after the other in one session, which starts once, and print each"
          + " result: they are separated by ';' (a ';' in quotes, backquotes or a comment does"
          + " not end one; the last needs none).",
      "",
      "A failing statement prints one line, 'barometer: statement N (line L): why', on"
          + " standard error. With QUERY, --file or piped input the statements after it are not"
          + " run and the exit code is 1 (like psql's ON_ERROR_STOP); typed at a terminal, the"
          + " next statements still run and the exit code is 1 at the end."
    })
public final class SqlCommand implements Callable<Integer> {
  enum Format {
    table,
    csv,
    json
  }

  /**
   * Below this many bytes of table files named by a statement, it runs interpreted: on the sample's
   * tables (50-400 KB each) generating and compiling code cost more than it saved
   * (bench/RESULTS.md); at 2.4 MB (answer_points of 4,000 structures) the two ran even.
   */
  static final long INTERPRETED_BELOW_BYTES = 1L << 20;

  /** What a warehouse table's name may hold (a folder of the warehouse, never a path). */
  private static final Pattern TABLE_NAME = Pattern.compile("[a-z0-9_]+");

  @Spec CommandSpec command;

  @Mixin SparkOptions spark;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "QUERY",
      description =
          "The statement(s), e.g. \"SELECT * FROM structure_scores LIMIT 10\". Default: read"
              + " from --file, else from standard input.")
  String query;

  @Option(
      names = "--file",
      paramLabel = "FILE",
      description = "Read the statements from this file (instead of QUERY or standard input).")
  Path file;

  @Option(names = "--format", defaultValue = "table", description = "table, csv or json.")
  Format format;

  @Option(
      names = "--limit",
      defaultValue = "1000",
      description = "Rows printed at most per statement.")
  int limit;

  private SparkSession session;
  private Warehouse warehouse;

  /**
   * The tables this command registered as views, and the bytes of their files; a user's own view of
   * that name is left alone.
   */
  private final Map<String, Long> registered = new HashMap<>();

  @Override
  public Integer call() throws IOException {
    if (query != null && file != null) {
      throw new ParameterException(command.commandLine(), "Give QUERY or --file, not both");
    }
    boolean typed = query == null && file == null && System.console() != null;
    try (Reader in = input()) {
      // A session of its own: its views never mix with another command's in the same JVM.
      session = spark.session("barometer sql").newSession();
      warehouse = spark.warehouse(session);
      if (typed) {
        System.err.println("Statements end with ';'. Ctrl-D quits.");
      }
      SqlScript script = new SqlScript(in);
      boolean failed = false;
      boolean printed = false;
      for (Optional<SqlScript.Statement> s = script.next(); s.isPresent(); s = script.next()) {
        SqlScript.Statement statement = s.get();
        try {
          Dataset<Row> result = run(statement.text());
          if (result.columns().length > 0) {
            String text = print(result);
            System.out.print(printed ? "\n" + text : text);
            System.out.flush();
            printed = true;
          }
        } catch (Exception e) {
          failed = true;
          System.err.println(
              "barometer: statement "
                  + statement.number()
                  + " (line "
                  + statement.line()
                  + "): "
                  + oneLine(e));
          if (spark.verbose) {
            e.printStackTrace();
          }
          if (!typed) {
            return ExitCodes.FAILURE;
          }
        }
      }
      return failed ? ExitCodes.FAILURE : ExitCodes.OK;
    }
  }

  private Reader input() throws IOException {
    if (query != null) {
      return new StringReader(query);
    }
    if (file != null) {
      try {
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw BarometerException.cannotRead(file, "no such file; check the path given to --file");
      }
    }
    return new InputStreamReader(System.in, StandardCharsets.UTF_8);
  }

  /**
   * Registers the tables the statement names, then runs it (commands run now, queries when
   * printed). A table Spark finds missing though the parse did not show it (a statement the parse
   * cannot follow) is registered then, and the statement analysed again.
   */
  private Dataset<Row> run(String sql) {
    Optional<Set<String>> named = NamedTables.in(session, sql);
    if (named.isPresent()) {
      named.get().forEach(this::register);
      fitCodeGeneration(named.get());
    } else {
      warehouse.tables().forEach(this::register);
    }
    while (true) {
      try {
        return session.sql(sql);
      } catch (Exception e) {
        Optional<String> missing = missingTable(e);
        if (missing.isEmpty()) {
          throw e;
        }
        if (!register(missing.get())) {
          throw new BarometerException(
              "no table or view "
                  + missing.get()
                  + " in the warehouse "
                  + warehouse.root()
                  + " (SHOW TABLES lists them)",
              e);
        }
      }
    }
  }

  /**
   * Registers the warehouse table {@code name} as a view; false if there is no such table, if a
   * view of that name exists already (this command's, or one a statement created).
   */
  private boolean register(String name) {
    String table = name.toLowerCase(Locale.ROOT);
    if (registered.containsKey(table)
        || !TABLE_NAME.matcher(table).matches()
        || session.sessionState().catalog().getTempView(table).isDefined()
        || !warehouse.exists(table)) {
      return false;
    }
    long bytes;
    try {
      Dataset<Row> rows = warehouse.read(table);
      rows.createOrReplaceTempView(table);
      // From the table's Delta log (its checksum file), as Spark's planner reads it.
      bytes = rows.queryExecution().analyzed().stats().sizeInBytes().longValue();
    } catch (Exception e) { // Spark's own failures are checked exceptions
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw BarometerException.cannotRead(warehouse.path(table), oneLine(cause), e);
    }
    registered.put(table, bytes);
    return true;
  }

  /**
   * Interpreted evaluation for a statement on small tables (their files under {@link
   * #INTERPRETED_BELOW_BYTES}), Spark's code generation otherwise; a setting given with --conf
   * stands.
   */
  private void fitCodeGeneration(Set<String> tables) {
    long bytes = tables.stream().mapToLong(t -> registered.getOrDefault(t, 0L)).sum();
    Map<String, String> interpreted = SparkSessions.interpreted(new SparkConf());
    for (Map.Entry<String, String> setting : interpreted.entrySet()) {
      if (bytes < INTERPRETED_BELOW_BYTES) {
        session.conf().set(setting.getKey(), setting.getValue());
      } else {
        session.conf().unset(setting.getKey());
      }
    }
  }

  /** The name of the table or view Spark could not find, if that is the failure. */
  private static Optional<String> missingTable(Exception e) {
    if (e instanceof AnalysisException a && "TABLE_OR_VIEW_NOT_FOUND".equals(a.getErrorClass())) {
      return Optional.ofNullable(a.getMessageParameters().get("relationName"))
          .map(n -> n.replace("`", ""));
    }
    return Optional.empty();
  }

  /** The failure in one line: a BarometerException's message, else the first line of Spark's. */
  private static String oneLine(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BarometerException) {
        return t.getMessage();
      }
    }
    String message =
        String.valueOf(e.getMessage()).strip(); // Spark's parse errors start with a newline
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  private String print(Dataset<Row> result) throws IOException {
    return switch (format) {
      case table -> result.showString(limit, 0, false);
      case json -> {
        StringBuilder text = new StringBuilder();
        result.toJSON().limit(limit).collectAsList().forEach(l -> text.append(l).append('\n'));
        yield text.toString();
      }
      case csv -> {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv =
            new CSVPrinter(text, CSVFormat.DEFAULT.builder().setHeader(result.columns()).get())) {
          for (Row row : result.limit(limit).collectAsList()) {
            for (int i = 0; i < row.length(); i++) {
              csv.print(row.get(i));
            }
            csv.println();
          }
        }
        yield text.toString();
      }
    };
  }
}
