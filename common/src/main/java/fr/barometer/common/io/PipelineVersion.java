package fr.barometer.common.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The version of the pipeline that computes the tables: a SHA-256 of its own classes and resources
 * (every entry under {@code fr/barometer/}: code, templates, shipped settings, grid and reference
 * data), so that any change of a rule, a default or the reference data is a new version, whatever
 * the project's version number says. The system property {@code barometer.pipeline.version}
 * replaces it (to force a recomputation, or in tests).
 */
public final class PipelineVersion {
  private static final String OWN = "fr/barometer/";
  private static String current;

  private PipelineVersion() {}

  /** The version of the running pipeline. */
  public static synchronized String current() {
    String forced = System.getProperty("barometer.pipeline.version");
    if (forced != null && !forced.isBlank()) {
      return forced;
    }
    if (current == null) {
      current = computed();
    }
    return current;
  }

  private static String computed() {
    TreeMap<String, byte[]> entries = new TreeMap<>();
    for (Path location : locations()) {
      if (Files.isDirectory(location)) {
        fromDirectory(location, entries);
      } else {
        fromJar(location, entries);
      }
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      entries.forEach(
          (name, digest) -> {
            sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(digest);
          });
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * Where the pipeline's classes come from: the shaded jar, or the modules' class folders and jars
   * (tests, an IDE). The jobs module is found through the thread's class loader.
   */
  private static List<Path> locations() {
    List<Path> locations = new ArrayList<>();
    addLocation(locations, PipelineVersion.class);
    try {
      addLocation(
          locations,
          Class.forName(
              "fr.barometer.jobs.BarometerCli",
              false,
              Thread.currentThread().getContextClassLoader()));
    } catch (ClassNotFoundException e) {
      // common alone (its own tests): its classes are the pipeline
    }
    return locations;
  }

  private static void addLocation(List<Path> locations, Class<?> type) {
    try {
      Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!locations.contains(location)) {
        locations.add(location);
      }
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("Cannot locate the pipeline's classes of " + type, e);
    }
  }

  private static void fromDirectory(Path root, TreeMap<String, byte[]> entries) {
    Path own = root.resolve(OWN);
    if (!Files.isDirectory(own)) {
      return;
    }
    try (Stream<Path> files = Files.walk(own)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          entries.put(
              root.relativize(file).toString().replace(java.io.File.separatorChar, '/'),
              digest(in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fromJar(Path jar, TreeMap<String, byte[]> entries) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> all = file.entries();
      while (all.hasMoreElements()) {
        JarEntry entry = all.nextElement();
        if (!entry.isDirectory() && entry.getName().startsWith(OWN)) {
          try (InputStream in = file.getInputStream(entry)) {
            entries.put(entry.getName(), digest(in));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] digest(InputStream in) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(in.readAllBytes());
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
