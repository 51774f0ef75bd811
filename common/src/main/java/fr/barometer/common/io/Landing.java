package fr.barometer.common.io;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.Referential;
import fr.barometer.common.domain.BarometerException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One edition's landing folder (local, HDFS, S3... anything Hadoop reads):
 *
 * <pre>
 * edition.json        optional, else the shipped 2017 settings
 * referential.json    optional, else the shipped grid
 * reference/          optional communes.csv and epci.csv, else the shipped reference data
 * structures.csv      required
 * sites.csv           required
 * orders.csv          optional (no paid extras)
 * audits/*.jsonl      required
 * survey/*.csv        optional (no survey)
 * </pre>
 */
public final class Landing {
  public static final String STRUCTURES = "structures.csv";
  public static final String SITES = "sites.csv";
  public static final String ORDERS = "orders.csv";
  public static final String AUDITS = "audits";
  public static final String SURVEY = "survey";

  /** How an export's file name ends in {@link #AUDITS} and in {@link #SURVEY}. */
  private static final String AUDIT_FILES = ".jsonl";

  private static final String SURVEY_FILES = ".csv";
  public static final String REFERENCE = "reference";
  public static final String COMMUNES = "communes.csv";
  public static final String EPCI = "epci.csv";
  private static final String SHIPPED_REFERENCE = "/fr/barometer/reference/";

  private final Path root;
  private final FileSystem fs;
  private final String given;

  private Landing(Path root, FileSystem fs, String given) {
    this.root = root;
    this.fs = fs;
    this.given = given.endsWith("/") ? given.substring(0, given.length() - 1) : given;
  }

  /** A file of the folder named as the user gave the folder: "data/2017/structures.csv". */
  public String display(String path) {
    return given + "/" + relative(path);
  }

  /** The first {@code bytes} bytes of a file (fewer when it is shorter). */
  public byte[] head(String file, int bytes) {
    try (InputStream in = fs.open(new Path(file))) {
      return in.readNBytes(bytes);
    } catch (IOException e) {
      throw BarometerException.cannotRead(display(file), BarometerException.firstLine(e), e);
    }
  }

  /** Opens the folder, failing with one line when it or a required file is missing. */
  public static Landing open(String folder, Configuration hadoop) {
    try {
      Path root = new Path(folder);
      FileSystem fs = root.getFileSystem(hadoop);
      if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
        throw BarometerException.cannotRead(
            folder, "no such landing folder; check the path given to --landing");
      }
      Landing landing = new Landing(fs.makeQualified(root), fs, folder);
      landing.require(STRUCTURES);
      landing.require(SITES);
      if (landing.audits().isEmpty()) {
        throw BarometerException.cannotRead(
            landing.display(landing.file(AUDITS).toString()),
            "no audit file (*.jsonl) in the landing folder; put the auditors' exports there");
      }
      return landing;
    } catch (IOException e) {
      throw BarometerException.cannotRead(folder, BarometerException.firstLine(e), e);
    }
  }

  public String root() {
    return root.toString();
  }

  public EditionConfig edition() {
    TextFile settings = editionSettings();
    return EditionConfig.parse(settings.text(), settings.name());
  }

  /** The edition.json text the run uses: the landing's own, or the shipped 2017 settings. */
  public TextFile editionSettings() {
    Path file = file(EditionConfig.FILE_NAME);
    if (exists(file)) {
      return read(file.toString());
    }
    try (InputStream in = EditionConfig.class.getResourceAsStream(EditionConfig.DEFAULT_RESOURCE)) {
      return TextFile.decode("default " + EditionConfig.FILE_NAME, in.readAllBytes());
    } catch (IOException e) {
      throw BarometerException.cannotRead("default " + EditionConfig.FILE_NAME, e.getMessage(), e);
    }
  }

  public Referential referential() {
    Path file = file(Referential.FILE_NAME);
    if (!exists(file)) {
      return Referential.defaults();
    }
    try (InputStream in = fs.open(file)) {
      return Referential.parse(in, file.toString());
    } catch (IOException e) {
      throw BarometerException.cannotRead(file, BarometerException.firstLine(e), e);
    }
  }

  /** The landing's own reference file, or the shipped one. */
  public TextFile reference(String name) {
    Path own = new Path(file(REFERENCE), name);
    if (exists(own)) {
      return read(own.toString());
    }
    try (InputStream in = Landing.class.getResourceAsStream(SHIPPED_REFERENCE + name)) {
      if (in == null) {
        throw BarometerException.cannotRead("shipped reference " + name, "missing from the jar");
      }
      return TextFile.decode("shipped:reference/" + name, in.readAllBytes());
    } catch (IOException e) {
      throw BarometerException.cannotRead("shipped reference " + name, e.getMessage(), e);
    }
  }

  /** A registry file, or null when an optional one is absent. */
  public TextFile registry(String name) {
    Path file = file(name);
    return exists(file) ? read(file.toString()) : null;
  }

  public List<String> audits() {
    return list(AUDITS, AUDIT_FILES);
  }

  public List<String> surveys() {
    return list(SURVEY, SURVEY_FILES);
  }

  /**
   * The bytes of the audit and survey exports: the edition's size, as the session is fitted to it.
   */
  public long exportBytes() {
    return Stream.concat(files(AUDITS, AUDIT_FILES).stream(), files(SURVEY, SURVEY_FILES).stream())
        .mapToLong(FileStatus::getLen)
        .sum();
  }

  /**
   * The registry files present in the folder: the ones that shape how an audit is validated (a
   * change in any of them means every audit file must be checked again).
   */
  public List<String> registryFiles() {
    List<String> names =
        List.of(
            EditionConfig.FILE_NAME,
            Referential.FILE_NAME,
            REFERENCE + "/" + COMMUNES,
            REFERENCE + "/" + EPCI,
            STRUCTURES,
            SITES,
            ORDERS);
    return names.stream().map(this::file).filter(this::exists).map(Path::toString).toList();
  }

  /**
   * Size and SHA-256 of every file the edition is computed from: registry, settings, grid, own
   * reference data, audit and survey exports, by path.
   */
  public Map<String, LandingFile> fingerprints() {
    Map<String, LandingFile> found = new LinkedHashMap<>();
    registryFiles().forEach(f -> found.put(f, fingerprint(LandingFile.REGISTRY, f)));
    audits().forEach(f -> found.put(f, fingerprint(LandingFile.AUDITS, f)));
    surveys().forEach(f -> found.put(f, fingerprint(LandingFile.SURVEY, f)));
    return found;
  }

  /** Size and SHA-256 of a landing file, named relative to the folder. */
  public LandingFile fingerprint(String input, String file) {
    Path path = new Path(file);
    try (InputStream in = fs.open(path)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      long size = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
        size += n;
      }
      return new LandingFile(input, relative(file), size, HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      throw BarometerException.cannotRead(file, BarometerException.firstLine(e), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A landing file's name as users know it: relative to the landing folder. */
  public String relative(String path) {
    return relative(root(), path);
  }

  /** {@link #relative(String)} without a Landing, for the tasks that read files on executors. */
  public static String relative(String root, String path) {
    String prefix = root.endsWith("/") ? root : root + "/";
    if (path.startsWith(prefix)) {
      return path.substring(prefix.length());
    }
    String bare = prefix.replaceFirst("^file:", "");
    String barePath = path.replaceFirst("^file:", "");
    return barePath.startsWith(bare) ? barePath.substring(bare.length()) : path;
  }

  public TextFile read(String file) {
    Path path = new Path(file);
    try (InputStream in = fs.open(path)) {
      return TextFile.decode(path.toString(), in.readAllBytes());
    } catch (IOException e) {
      throw BarometerException.cannotRead(file, BarometerException.firstLine(e), e);
    }
  }

  private List<String> list(String folder, String suffix) {
    return files(folder, suffix).stream().map(f -> f.getPath().toString()).sorted().toList();
  }

  /**
   * The files of {@code folder} whose name ends with {@code suffix}; none if the folder is absent.
   */
  private List<FileStatus> files(String folder, String suffix) {
    try {
      return Arrays.stream(fs.listStatus(file(folder)))
          .filter(f -> f.isFile() && f.getPath().getName().endsWith(suffix))
          .toList();
    } catch (FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw BarometerException.cannotRead(file(folder), BarometerException.firstLine(e), e);
    }
  }

  private void require(String name) {
    if (!exists(file(name))) {
      throw BarometerException.cannotRead(
          display(file(name).toString()),
          "required file missing from the landing folder; add it (docs/landing.md lists the"
              + " files)");
    }
  }

  private Path file(String name) {
    return new Path(root, name);
  }

  private boolean exists(Path file) {
    try {
      return fs.exists(file);
    } catch (IOException e) {
      throw BarometerException.cannotRead(file, BarometerException.firstLine(e), e);
    }
  }
}
