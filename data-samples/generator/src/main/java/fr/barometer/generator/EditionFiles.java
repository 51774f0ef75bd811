package fr.barometer.generator;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.Referential;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The campaign's settings and grid, copied from the shipped defaults. For another edition year the
 * dates move to that year (same month and day), so a 2018 landing folder reads like the 2017 one;
 * everything else, quotas and prices included, stays as shipped. The edition before another one
 * ({@link #before}) has that edition's settings moved back by whole weeks, and the previous grid.
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
    this(settingsOf(year), resource(GRID_RESOURCE));
  }

  private EditionFiles(String editionJson, byte[] gridJson) {
    this.editionJson = editionJson;
    this.edition = EditionConfig.parse(editionJson, "generated " + EditionConfig.FILE_NAME);
    this.gridJson = gridJson;
    this.grid =
        Referential.parse(new ByteArrayInputStream(gridJson), "generated " + Referential.FILE_NAME);
  }

  /**
   * The edition {@code year}, before {@code laterYear}: the later edition's settings with every
   * date moved back by 52 weeks a year, so that it falls on the same weekday (a window still opens
   * on a Monday), then to the working day before if it lands on a public holiday; and the previous
   * grid ({@link EarlierGrid}). Quotas, weights, thresholds and prices stay the same.
   */
  static EditionFiles before(int laterYear, int year) {
    String later = settingsOf(laterYear);
    int years = laterYear - year;
    String earlier =
        replaceDates(
            later,
            d -> {
              LocalDate back = d.minusWeeks(52L * years);
              // 52 weeks are a year less a day or two: stay in the right year at its ends.
              while (back.getYear() > d.getYear() - years) {
                back = back.minusWeeks(1);
              }
              while (back.getYear() < d.getYear() - years) {
                back = back.plusWeeks(1);
              }
              while (!FrenchCalendar.isWorkingDay(back)) {
                back = back.minusDays(1);
              }
              return back;
            });
    return new EditionFiles(withEdition(earlier, year), EarlierGrid.of(resource(GRID_RESOURCE)));
  }

  private static String settingsOf(int year) {
    String shipped = new String(resource(EDITION_RESOURCE), StandardCharsets.UTF_8);
    int shippedYear = EditionConfig.parse(shipped, "default edition.json").edition();
    if (year == shippedYear) {
      return shipped;
    }
    int years = year - shippedYear;
    return withEdition(replaceDates(shipped, d -> d.withYear(d.getYear() + years)), year);
  }

  private static String replaceDates(String json, UnaryOperator<LocalDate> move) {
    Matcher dates = DATE.matcher(json);
    StringBuilder out = new StringBuilder();
    while (dates.find()) {
      LocalDate d = LocalDate.parse(dates.group(1));
      dates.appendReplacement(out, "\"" + move.apply(d) + "\"");
    }
    dates.appendTail(out);
    return out.toString();
  }

  private static String withEdition(String json, int year) {
    Matcher edition = EDITION.matcher(json);
    if (!edition.find()) {
      throw new IllegalStateException("the default edition.json has no edition field");
    }
    return edition.replaceFirst("$1" + year);
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
