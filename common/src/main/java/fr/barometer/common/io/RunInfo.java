package fr.barometer.common.io;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One run of the pipeline: its id (sortable by time) and start time, on every log and quarantine
 * row.
 */
public record RunInfo(String runId, Timestamp startedAt) implements Serializable {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public static RunInfo start() {
    Instant now = Instant.now();
    String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    return new RunInfo(ID_TIME.format(now) + "-" + suffix, Timestamp.from(now));
  }
}
