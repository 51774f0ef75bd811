package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.barometer.common.SparkTestSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shaded jar on a real Spark standalone cluster: a master and two workers (one core each)
 * started on loopback as child JVMs from Spark's own jars (a throwaway Spark home whose {@code
 * jars/} links the Spark jars of the build: no Spark download), then {@code spark-submit} of {@code
 * target/barometer.jar run} on the fixture landing folder in client mode. The executors have only
 * Spark on their classpath, so the jar must carry everything else (Delta, our code). Passes when
 * the submit exits 0, the master saw two workers and a finished application whose two executors
 * both ran tasks, and every table equals the one of a local-mode run of the same landing folder
 * ({@link FixtureWarehouse}: the unit tests' run if this build made one, else a run in this JVM
 * meanwhile).
 *
 * <p>Runs after {@code package} (failsafe); alone: {@code mvn -B -pl jobs -am verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=StandaloneClusterIT}. Its files (Spark home,
 * logs, worker folders with the executors' logs, warehouse) stay in {@code target/it-cluster}.
 */
@Tag("end-to-end")
class StandaloneClusterIT {
  private static final Logger LOG = LoggerFactory.getLogger(StandaloneClusterIT.class);
  private static final Duration CLUSTER_PATIENCE = Duration.ofMinutes(3);
  private static final Duration RUN_PATIENCE = Duration.ofMinutes(12);
  private static final String LOOPBACK = "127.0.0.1";

  /**
   * Every JVM of the cluster (daemons, driver, executors) compiles with C1 alone: six cold JVMs
   * share two cores for a run of a few minutes, and C2's compilations took the cores from the tasks
   * (this test alone, 2026-12-02: 339 s with C2 everywhere, 300 s with C1 executors, 277 s with C1
   * in every cluster JVM). Tests only: a real cluster's JVMs live for hours.
   */
  private static final String CLIENT_COMPILER_ONLY = String.join(" ", CliRun.CLIENT_COMPILER_ONLY);

  private static final List<Process> CHILDREN = new ArrayList<>();
  private static final Thread KILL_ON_EXIT = new Thread(StandaloneClusterIT::stopDaemons);

  private final Path build =
      Path.of(System.getProperty("barometer.build.dir", "target")).toAbsolutePath();
  private final Path dir = build.resolve("it-cluster");
  private final Path sparkHome = dir.resolve("spark-home");
  private final Path logs = dir.resolve("logs");
  private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private List<String> jvmOptions;

  @Test
  void theJarRunsTheEditionOnAStandaloneClusterAndWritesTheTablesOfALocalRun() throws Exception {
    Path jar = build.resolve("barometer.jar");
    assertTrue(Files.isRegularFile(jar), jar + " missing: the IT runs after 'package'");
    jvmOptions =
        Arrays.stream(
                Files.readString(build.resolve("launcher/jvm-options.txt")).trim().split("\\s+"))
            .filter(s -> !s.isEmpty())
            .toList();
    deleteRecursively(dir);
    Files.createDirectories(logs);
    makeSparkHome();
    String landing = CliRun.resource("/IngestJobTest/landing");
    Path warehouse = dir.resolve("warehouse");
    long start = System.nanoTime();
    // The local-mode reference (the run of the unit tests if this build made one, else a run in
    // this JVM) read into rows while the cluster starts and runs: the driver and executors of the
    // tiny fixture leave a core idle much of the time.
    CompletableFuture<Map<String, List<String>>> expected =
        CompletableFuture.supplyAsync(
            () -> {
              CliRun reference = FixtureWarehouse.run();
              assertEquals(0, reference.code(), reference.err());
              return WarehouseSnapshot.of(SparkTestSession.get(), Path.of(FixtureWarehouse.root()));
            });
    Runtime.getRuntime().addShutdownHook(KILL_ON_EXIT);
    try {
      int masterPort = freePort();
      int uiPort = freePort();
      String master = "spark://" + LOOPBACK + ":" + masterPort;
      startDaemon(
          "master",
          "org.apache.spark.deploy.master.Master",
          "--host",
          LOOPBACK,
          "--port",
          String.valueOf(masterPort),
          "--webui-port",
          String.valueOf(uiPort));
      URI status = URI.create("http://" + LOOPBACK + ":" + uiPort + "/json/");
      awaitMaster(
          status, json -> json.path("status").asText().equals("ALIVE"), "the master to be ALIVE");
      for (String worker : List.of("worker-1", "worker-2")) {
        Files.createDirectories(dir.resolve(worker));
        startDaemon(
            worker,
            "org.apache.spark.deploy.worker.Worker",
            "--host",
            LOOPBACK,
            "--port",
            "0",
            "--webui-port",
            "0",
            "--cores",
            "1",
            "--memory",
            "1g",
            "--work-dir",
            dir.resolve(worker).toString(),
            master);
      }
      awaitMaster(status, json -> json.path("aliveworkers").asInt() == 2, "two alive workers");
      LOG.warn("standalone cluster up at {} after {} s", master, seconds(start));

      // The README's standalone spark-submit line, sized for this machine. spark-submit is
      // SparkSubmit with Spark's jars and the --add-opens flags, which its launcher adds on Java
      // 17.
      Process submit =
          child(
              "submit",
              "-Xmx1g",
              "org.apache.spark.deploy.SparkSubmit",
              "--master",
              master,
              "--deploy-mode",
              "client",
              "--class",
              "fr.barometer.jobs.BarometerCli",
              "--driver-memory",
              "1g",
              "--executor-memory",
              "768m",
              "--total-executor-cores",
              "2",
              "--conf",
              "spark.sql.shuffle.partitions=2",
              "--conf",
              "spark.default.parallelism=2",
              // No code generation setting: `run` evaluates an edition this small interpreted by
              // itself.
              "--conf",
              "spark.ui.enabled=false",
              "--conf",
              "spark.executor.extraJavaOptions=" + CLIENT_COMPILER_ONLY,
              jar.toString(),
              "run",
              "--landing",
              landing,
              "--warehouse",
              warehouse.toString());
      if (!submit.waitFor(RUN_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
        fail("spark-submit still running after " + RUN_PATIENCE);
      }
      String out = Files.readString(logs.resolve("submit.out"));
      assertEquals(0, submit.exitValue(), "spark-submit exit code; stdout:\n" + out);
      assertTrue(out.contains("Tables written to " + warehouse), out);
      LOG.warn("run on the cluster done after {} s", seconds(start));

      // The master ran the application on both workers, and each executor ran tasks.
      JsonNode state = get(status);
      assertEquals(2, state.path("aliveworkers").asInt(), state.toPrettyString());
      JsonNode apps = state.path("completedapps");
      assertEquals(1, apps.size(), state.toPrettyString());
      assertEquals("barometer run", apps.get(0).path("name").asText());
      assertEquals("FINISHED", apps.get(0).path("state").asText());
      assertEquals(2, apps.get(0).path("cores").asInt(), "cores granted to the application");
      String app = apps.get(0).path("id").asText();
      for (String worker : List.of("worker-1", "worker-2")) {
        Path executorLog = executorLog(dir.resolve(worker).resolve(app));
        String log = Files.readString(executorLog);
        assertTrue(
            log.contains("barometer.jar"), executorLog + " never fetched the application jar");
        assertTrue(log.contains("Finished task"), executorLog + " ran no task");
      }

      // Every table as a local-mode run of the same landing folder writes it.
      Map<String, List<String>> local =
          expected.get(RUN_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      Map<String, List<String>> cluster = WarehouseSnapshot.of(SparkTestSession.get(), warehouse);
      assertTrue(
          local.containsKey("structure_scores") && local.containsKey("invoices"),
          local.keySet().toString());
      assertEquals(local.keySet(), cluster.keySet());
      assertTrue(!cluster.get("structure_scores").isEmpty(), "structure_scores is empty");
      local.forEach((table, rows) -> assertEquals(rows, cluster.get(table), table));
      LOG.warn(
          "tables of the cluster run equal those of the local run; {} s in all", seconds(start));
    } catch (Throwable e) {
      dumpLogs();
      throw e;
    } finally {
      stopDaemons();
      Runtime.getRuntime().removeShutdownHook(KILL_ON_EXIT);
    }
  }

  @AfterAll
  static void stopAll() {
    stopDaemons();
  }

  /** A Spark home as a distribution lays it out: jars/ (links to the build's Spark jars). */
  private void makeSparkHome() throws IOException {
    Path jars = Files.createDirectories(sparkHome.resolve("jars"));
    String classpath = Files.readString(build.resolve("it/spark-classpath.txt")).trim();
    for (String entry : classpath.split(java.io.File.pathSeparator)) {
      Path source = Path.of(entry);
      Path link = jars.resolve(source.getFileName());
      try {
        Files.createSymbolicLink(link, source);
      } catch (UnsupportedOperationException | IOException e) {
        Files.copy(source, link);
      }
    }
    try (Stream<Path> files = Files.list(jars)) {
      assertTrue(
          files.noneMatch(f -> f.getFileName().toString().matches("(barometer|delta|picocli).*")),
          "the Spark home must not hold what barometer.jar ships");
    }
  }

  /** A JVM of the Spark home, as bin/spark-class starts one; stdout and stderr in logs/. */
  private Process spark(String name, String heap, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBin, heap));
    command.addAll(CliRun.CLIENT_COMPILER_ONLY);
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*", mainClass));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(logs.resolve(name + ".out").toFile())
            .redirectError(logs.resolve(name + ".err").toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("HADOOP_"));
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.12");
    env.put("SPARK_LOCAL_IP", LOOPBACK); // every daemon, UI and executor binds to loopback only
    env.put("SPARK_LOG_DIR", logs.toString());
    return builder.start();
  }

  private void startDaemon(String name, String mainClass, String... args) throws IOException {
    child(name, "-Xmx512m", mainClass, args);
  }

  /** A child JVM that {@link #stopDaemons} stops, whatever happens. */
  private Process child(String name, String heap, String mainClass, String... args)
      throws IOException {
    Process process = spark(name, heap, mainClass, args);
    synchronized (CHILDREN) {
      CHILDREN.add(process);
    }
    return process;
  }

  private void awaitMaster(
      URI status, java.util.function.Predicate<JsonNode> condition, String what) throws Exception {
    long deadline = System.nanoTime() + CLUSTER_PATIENCE.toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      synchronized (CHILDREN) {
        for (Process daemon : CHILDREN) { // only the daemons are started yet
          if (!daemon.isAlive()) {
            fail(
                "a Spark daemon exited (code "
                    + daemon.exitValue()
                    + ") while waiting for "
                    + what);
          }
        }
      }
      try {
        last = get(status);
        if (condition.test(last)) {
          return;
        }
      } catch (IOException e) {
        // the master's UI is not up yet
      }
      Thread.sleep(500);
    }
    fail("no " + what + " after " + CLUSTER_PATIENCE + "; master status: " + last);
  }

  private static JsonNode get(URI uri) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(uri + ": HTTP " + response.statusCode());
    }
    return new ObjectMapper().readTree(response.body());
  }

  /** The stderr of the one executor a worker ran for the application. */
  private static Path executorLog(Path appDir) throws IOException {
    assertTrue(Files.isDirectory(appDir), "the worker ran no executor: " + appDir + " missing");
    try (Stream<Path> executors = Files.list(appDir)) {
      List<Path> logs =
          executors.map(e -> e.resolve("stderr")).filter(Files::isRegularFile).toList();
      assertEquals(1, logs.size(), "executor logs in " + appDir + ": " + logs);
      return logs.get(0);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    }
  }

  /** Stops the master and workers and what they started (executors): SIGTERM, then SIGKILL. */
  private static void stopDaemons() {
    List<ProcessHandle> all = new ArrayList<>();
    synchronized (CHILDREN) {
      for (Process daemon : CHILDREN) {
        daemon.descendants().forEach(all::add);
        all.add(daemon.toHandle());
      }
      CHILDREN.clear();
    }
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
  }

  /** The ends of every log (daemons, submit, executors), for a failure's report. */
  private void dumpLogs() {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f :
          files
              .filter(
                  f ->
                      f.toString().endsWith(".out")
                          || f.toString().endsWith(".err")
                          || f.getFileName().toString().equals("stderr"))
              .sorted()
              .toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        LOG.error(
            "==== {} (last 60 of {} lines)\n{}",
            f,
            lines.size(),
            String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.error("cannot read the logs in {}", dir, e);
    }
  }

  private static long seconds(long startNanos) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
