package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.io.RunInfo;
import fr.barometer.jobs.run.RunLock;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warehouse's run lock: a second writer is refused while the first runs; a dead one's lock is
 * taken over.
 */
class LockTest {
  @TempDir Path tmp;

  @BeforeAll
  static void session() {
    SparkTestSession.get();
  }

  private Path lockFile(String host, long pid) throws Exception {
    Path warehouse = tmp.resolve("warehouse");
    Files.createDirectories(warehouse);
    Path lock = warehouse.resolve(RunLock.FILE_NAME);
    Files.writeString(
        lock,
        new RunLock.Holder("20171001T020000Z-beef", host, pid, "2017-10-01T02:00:00Z", "run")
            .text());
    return lock;
  }

  /** A pid that no live process has: one of a process that has ended. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  @Test
  void aRunIsRefusedWhileAnotherHoldsTheLock() throws Exception {
    Path lock = lockFile(RunLock.thisHost(), ProcessHandle.current().pid());
    CliRun r =
        CliRun.of(
            "run",
            "--landing",
            CliRun.resource("/IngestJobTest/landing"),
            "--warehouse",
            tmp.resolve("warehouse").toString());
    assertEquals(1, r.code());
    assertEquals(
        "barometer: Cannot start run: the warehouse is locked by run 20171001T020000Z-beef (run,"
            + " host "
            + RunLock.thisHost()
            + ", pid "
            + ProcessHandle.current().pid()
            + ", started 2017-10-01T02:00:00Z) in "
            + lock
            + "; wait for that run to end, or, if its process is gone, delete the lock file\n",
        r.err());
    assertTrue(Files.exists(lock), "the refused run leaves the holder's lock alone");
    assertFalse(Files.exists(tmp.resolve("warehouse/run_log")), "nothing was written");
  }

  @Test
  void everyWriterTakesTheLock() throws Exception {
    lockFile(RunLock.thisHost(), ProcessHandle.current().pid());
    for (String[] command :
        new String[][] {
          {"score", "--edition", "2017"},
          {"publish", "--edition", "2017"},
          {"rollback", "--run", "x"}
        }) {
      String[] args =
          java.util.stream.Stream.concat(
                  java.util.Arrays.stream(command),
                  java.util.stream.Stream.of("--warehouse", tmp.resolve("warehouse").toString()))
              .toArray(String[]::new);
      CliRun r = CliRun.of(args);
      assertEquals(1, r.code(), command[0]);
      assertTrue(
          r.err()
              .startsWith(
                  "barometer: Cannot start "
                      + command[0]
                      + ": the warehouse is locked by run "
                      + "20171001T020000Z-beef"),
          r.err());
    }
  }

  @Test
  void aLockOfAnotherHostIsNeverTakenOver() throws Exception {
    lockFile("some-other-host", deadPid());
    CliRun r =
        CliRun.of("score", "--edition", "2017", "--warehouse", tmp.resolve("warehouse").toString());
    assertEquals(1, r.code());
    assertTrue(
        r.err().contains("locked by run 20171001T020000Z-beef (run, host some-other-host"),
        r.err());
  }

  @Test
  void aStaleLockIsTakenOverAndReleased() throws Exception {
    Path lock = lockFile(RunLock.thisHost(), deadPid());
    RunInfo run = RunInfo.start();
    try (RunLock taken =
        RunLock.acquire(
            SparkTestSession.get().sparkContext().hadoopConfiguration(),
            tmp.resolve("warehouse").toString(),
            run,
            "run")) {
      assertTrue(Files.readString(lock).contains("run_id=" + run.runId()), Files.readString(lock));
    }
    assertFalse(Files.exists(lock), "released when the run ends");
  }

  @Test
  void theLockIsReleasedWhenACommandFails() throws Exception {
    Path lock = lockFile(RunLock.thisHost(), deadPid());
    CliRun r =
        CliRun.of("score", "--edition", "2017", "--warehouse", tmp.resolve("warehouse").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("holds no ingested edition"), r.err());
    assertFalse(Files.exists(lock));
  }
}
