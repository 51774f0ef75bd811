package fr.barometer.jobs.run;

import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.io.RunInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Properties;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse's run lock, {@code <warehouse>/_barometer.lock}: every command that writes tables
 * holds it, so two runs never interleave their commits. Created with "fail if it exists", which is
 * atomic on HDFS (and on a local disk); released when closed. A lock left by a process of this host
 * that is no longer alive is stale and taken over with a warning. Object stores without atomic
 * create-if-absent (plain S3) cannot guarantee it: schedule one writer there.
 */
public final class RunLock implements AutoCloseable {
  public static final String FILE_NAME = "_barometer.lock";
  private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);

  /** Who holds the lock, as written in the file. */
  public record Holder(String runId, String host, long pid, String startedAt, String command) {
    String describe() {
      return "run "
          + runId
          + " ("
          + command
          + ", host "
          + host
          + ", pid "
          + pid
          + ", started "
          + startedAt
          + ")";
    }

    boolean isDeadOnThisHost() {
      return host.equals(thisHost()) && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    public String text() {
      return "run_id="
          + runId
          + "\nhost="
          + host
          + "\npid="
          + pid
          + "\nstarted_at="
          + startedAt
          + "\ncommand="
          + command
          + "\n";
    }

    static Holder parse(String text) throws IOException {
      Properties p = new Properties();
      p.load(new StringReader(text));
      return new Holder(
          p.getProperty("run_id", "?"),
          p.getProperty("host", "?"),
          parsePid(p.getProperty("pid", "")),
          p.getProperty("started_at", "?"),
          p.getProperty("command", "?"));
    }
  }

  /** -1 when unreadable: a lock cut while being written. */
  private static long parsePid(String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private final FileSystem fs;
  private final Path file;

  private RunLock(FileSystem fs, Path file) {
    this.fs = fs;
    this.file = file;
  }

  /** Takes the lock of {@code warehouseRoot} for {@code command}, or refuses with who holds it. */
  public static RunLock acquire(
      Configuration hadoop, String warehouseRoot, RunInfo run, String command) {
    Path file = new Path(warehouseRoot, FILE_NAME);
    Holder me =
        new Holder(
            run.runId(),
            thisHost(),
            ProcessHandle.current().pid(),
            run.startedAt().toInstant().toString(),
            command);
    try {
      FileSystem fs = file.getFileSystem(hadoop);
      if (create(fs, file, me)) {
        return new RunLock(fs, file);
      }
      Holder holder = read(fs, file);
      if (!holder.isDeadOnThisHost()) {
        throw new BarometerException(
            "Cannot start "
                + command
                + ": the warehouse is locked by "
                + holder.describe()
                + " in "
                + file
                + "; wait for that run to end, or, if its process is gone, delete the lock file");
      }
      LOG.warn(
          "Taking over the stale lock {} of {}: its process is no longer alive",
          file,
          holder.describe());
      fs.delete(file, false);
      if (!create(fs, file, me)) {
        throw new BarometerException(
            "Cannot start "
                + command
                + ": another run took the stale lock "
                + file
                + " at the same time; retry later");
      }
      return new RunLock(fs, file);
    } catch (IOException e) {
      throw new BarometerException(
          "Cannot lock the warehouse with "
              + file
              + ": "
              + BarometerException.firstLine(e)
              + "; check that the warehouse folder is writable",
          e);
    }
  }

  /** Creates the lock file if none exists; false when one does. */
  private static boolean create(FileSystem fs, Path file, Holder me) throws IOException {
    byte[] content = me.text().getBytes(StandardCharsets.UTF_8);
    if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
      // Hadoop's local create(overwrite=false) checks, then creates: O_EXCL closes that gap.
      java.nio.file.Path local = Paths.get(fs.makeQualified(file).toUri());
      Files.createDirectories(local.getParent());
      try {
        Files.write(local, content, java.nio.file.StandardOpenOption.CREATE_NEW);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(file, false)) {
      out.write(content);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(file)) {
        return false; // some file systems report "exists" as a plain IOException
      }
      throw e;
    }
  }

  private static Holder read(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file)) {
      return Holder.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  public static String thisHost() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown";
    }
  }

  @Override
  public void close() {
    try {
      fs.delete(file, false);
    } catch (IOException e) {
      LOG.warn("Could not release the run lock {}: {}; delete it by hand", file, e.getMessage());
    }
  }
}
