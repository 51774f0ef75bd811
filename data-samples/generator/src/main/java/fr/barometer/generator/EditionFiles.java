package fr.barometer.generator;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.Referential;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The campaign's settings and grid, copied from the shipped defaults. For another edition year the
 * dates move to that year (same month and day), so a 2018 landing folder reads like the 2017 one;
 * everything else, quotas and prices included, stays as shipped.
 */
final class EditionFiles {
  private static final String EDITION_RESOURCE = "/fr/barometer/defaults/edition.json";
  private static final String GRID_RESOURCE = "/fr/barometer/defaults/referential.json";
  private static final Pattern DATE = Pattern.compile("\"(\\d{4}-\\d{2}-\\d{2})\"");
  private static final Pattern EDITION = Pattern.compile("(\"edition\"\\s*:\\s*)(\\d{4})");

  private final String editionJson;
  private final EditionConfig edition;
  private final byte[] gridJson;
  private final Referential grid;

  EditionFiles(int year) {
    String shipped = new String(resource(EDITION_RESOURCE), StandardCharsets.UTF_8);
    int shippedYear = EditionConfig.parse(shipped, "default edition.json").edition();
    this.editionJson = year == shippedYear ? shipped : shift(shipped, year - shippedYear);
    this.edition = EditionConfig.parse(editionJson, "generated " + EditionConfig.FILE_NAME);
    this.gridJson = resource(GRID_RESOURCE);
    this.grid = Referential.defaults();
  }

  private static String shift(String json, int years) {
    Matcher dates = DATE.matcher(json);
    StringBuilder out = new StringBuilder();
    while (dates.find()) {
      LocalDate d = LocalDate.parse(dates.group(1));
      dates.appendReplacement(out, "\"" + d.withYear(d.getYear() + years) + "\"");
    }
    dates.appendTail(out);
    Matcher edition = EDITION.matcher(out.toString());
    if (!edition.find()) {
      throw new IllegalStateException("the default edition.json has no edition field");
    }
    int shifted = Integer.parseInt(edition.group(2)) + years;
    return edition.replaceFirst("$1" + shifted);
  }

  private static byte[] resource(String name) {
    try (InputStream in = EditionFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("default file " + name + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read default file " + name, e);
    }
  }

  void write(Path landing) throws IOException {
    Files.writeString(
        landing.resolve(EditionConfig.FILE_NAME), editionJson, StandardCharsets.UTF_8);
    Files.write(landing.resolve(Referential.FILE_NAME), gridJson);
  }

  EditionConfig edition() {
    return edition;
  }

  Referential grid() {
    return grid;
  }
}
