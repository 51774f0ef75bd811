package fr.barometer.generator;

import fr.barometer.common.domain.Channel;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The auditors' tool exports one file per channel during fieldwork, and a last file of re-sent
 * audits (corrections and duplicates) at the end of the campaign.
 */
final class AuditFiles implements Closeable {
  static final String FOLDER = "audits";
  static final String RESENT = "resent.jsonl";

  private final Path folder;
  private final Map<Channel, BufferedWriter> byChannel = new EnumMap<>(Channel.class);
  private final BufferedWriter resent;
  private final SortedMap<String, Long> lines = new TreeMap<>();

  AuditFiles(Path landing) throws IOException {
    this.folder = Files.createDirectories(landing.resolve(FOLDER));
    for (Channel c : Channel.values()) {
      byChannel.put(c, open(fileName(c)));
    }
    this.resent = open(RESENT);
  }

  static String fileName(Channel channel) {
    return channel.name().toLowerCase(Locale.ROOT) + ".jsonl";
  }

  private BufferedWriter open(String name) throws IOException {
    lines.put(FOLDER + "/" + name, 0L);
    return Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8);
  }

  void write(Channel channel, String line) throws IOException {
    write(byChannel.get(channel), fileName(channel), line);
  }

  void writeResent(String line) throws IOException {
    write(resent, RESENT, line);
  }

  private void write(BufferedWriter writer, String name, String line) throws IOException {
    writer.write(line);
    writer.write('\n');
    lines.merge(FOLDER + "/" + name, 1L, Long::sum);
  }

  /** Lines written per file, by path relative to the landing folder. */
  SortedMap<String, Long> lines() {
    return new TreeMap<>(lines);
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (BufferedWriter w : byChannel.values()) {
      try {
        w.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    resent.close();
    if (failure != null) {
      throw failure;
    }
  }
}
