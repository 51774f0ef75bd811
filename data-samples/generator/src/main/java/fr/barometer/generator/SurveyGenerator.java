package fr.barometer.generator;

import fr.barometer.common.config.DateWindow;
import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.Category;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.LastContact;
import fr.barometer.generator.Registry.Structure;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes the online survey's export: two files (the survey tool was exported twice, the first time
 * with a BOM, and the two exports overlap by a few rows), responses in the order they were
 * submitted. How many responses a structure gets is skewed: some reach the 30 needed for their
 * results, many do not. Respondents of better structures are a little more satisfied, so the
 * produced and perceived qualities correlate, loosely.
 */
final class SurveyGenerator {
  static final String FOLDER = "survey";
  static final String INPUT = "survey";
  static final List<String> HEADER =
      List.of(
          "response_id",
          "submitted_at",
          "structure_id",
          "insee_code",
          "category",
          "last_contact",
          "channel_used",
          "q_access",
          "q_reception",
          "q_information",
          "q_delay",
          "q_courtesy",
          "q_overall",
          "recommend",
          "comment");
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setDelimiter(';')
          .setQuoteMode(QuoteMode.NON_NUMERIC)
          .setRecordSeparator("\n")
          .get();
  private static final DateTimeFormatter FRENCH_DATE =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  /** Question offsets on the latent satisfaction scale: delays satisfy least, courtesy most. */
  private static final double[] QUESTION_OFFSET = {0.10, 0.10, 0.0, -0.25, 0.20, 0.0};

  /** Thresholds between marks 1|2, 2|3 and 3|4 so that about 70% answer 3 or 4. */
  private static final double[] THRESHOLDS = {-1.25, -0.51, 0.66};

  private static final int RECENT_ROWS = 200;

  /** Column positions in HEADER, for the faults. */
  private static final int SUBMITTED_AT = 1;

  private static final int INSEE_CODE = 3;
  private static final int CATEGORY = 4;
  private static final int LAST_CONTACT = 5;
  private static final int CHANNEL = 6;
  private static final int Q_ACCESS = 7;
  private static final int Q_OVERALL = 12;
  private static final int RECOMMEND = 13;
  private static final List<LastContact> LAST_CONTACTS =
      List.of(
          LastContact.LESS_THAN_1_MONTH,
          LastContact.ONE_TO_3_MONTHS,
          LastContact.MORE_THAN_3_MONTHS);
  private static final List<Channel> CHANNELS_USED =
      List.of(
          Channel.VISIT,
          Channel.PHONE,
          Channel.WEB,
          Channel.EMAIL,
          Channel.LETTER,
          Channel.VOICEMAIL);

  private final EditionConfig edition;
  private final Randoms random;
  private final BadRecordLog log;
  private final List<Structure> participants;
  private final List<Structure> notParticipating;
  private final WeightedPicker<Structure> popularity;
  private final WeightedPicker<Category> categories;
  private final WeightedPicker<Commune> communes;
  private final Deque<List<Object>> recent = new ArrayDeque<>();
  private final Set<String> communesNamed = new TreeSet<>();

  SurveyGenerator(
      Registry registry,
      EditionConfig edition,
      Communes reference,
      Randoms random,
      BadRecordLog log) {
    this.edition = edition;
    this.random = random;
    this.log = log;
    this.participants = registry.accepted();
    this.notParticipating = registry.notAccepted();
    this.popularity =
        participants.isEmpty()
            ? null
            : new WeightedPicker<>(participants, s -> Math.exp(random.gaussian(0, 0.9)));
    this.categories =
        new WeightedPicker<>(
            Arrays.asList(Category.values()),
            c ->
                StructureKind.ALL.stream()
                    .filter(k -> k.category() == c)
                    .mapToDouble(StructureKind::weight)
                    .sum());
    this.communes =
        new WeightedPicker<>(
            reference.all().stream()
                .filter(c -> c.populationOrZero() >= RegistryGenerator.MIN_ELIGIBLE_POPULATION)
                .toList(),
            c -> c.populationOrZero());
  }

  static long defaultResponses(Registry registry) {
    return (long) GeneratorOptions.RESPONSES_PER_PARTICIPANT * registry.accepted().size();
  }

  /** Writes the survey folder; returns the rows written per file (header excluded). */
  SortedMap<String, Long> write(Path landing, long responses) throws IOException {
    Path folder = Files.createDirectories(landing.resolve(FOLDER));
    byte[] faults = schedule(responses);
    long firstExport = responses / 2;
    long overlap = Math.min(firstExport, SurveyFault.rows(responses));
    SortedMap<String, Long> rows = new TreeMap<>();
    Period period = new Period(edition);
    try (Export first = new Export(folder, "export-1.csv", true);
        Export second = new Export(folder, "export-2.csv", false)) {
      for (long i = 0; i < responses; i++) {
        if (i == firstExport) {
          replayOverlap(second, overlap);
        }
        List<Object> row = response(i, period.at(i, responses, random));
        int fault = faults[(int) i];
        write(
            i < firstExport ? first : second,
            row,
            fault == 0 ? null : SurveyFault.values()[fault - 1]);
      }
      rows.put(FOLDER + "/export-1.csv", first.rows);
      rows.put(FOLDER + "/export-2.csv", second.rows);
    }
    return rows;
  }

  /** The commune codes the rows written name. */
  Set<String> communesNamed() {
    return communesNamed;
  }

  private void write(Export export, List<Object> row, SurveyFault fault) throws IOException {
    communesNamed.add((String) row.get(INSEE_CODE));
    if (fault == null || fault == SurveyFault.RESUBMITTED) {
      export.print(row);
      if (fault != null && !recent.isEmpty()) {
        export.print(resubmission(row));
        log.add(INPUT, fault, 1);
      }
      remember(row);
      return;
    }
    spoil(row, fault);
    export.print(row);
  }

  private byte[] schedule(long responses) {
    if (responses > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("too many survey responses: " + responses);
    }
    byte[] plan = new byte[(int) responses];
    long free = responses;
    for (SurveyFault f : SurveyFault.values()) {
      if (f == SurveyFault.IDENTICAL_COPY) {
        continue;
      }
      for (long placed = 0; placed < SurveyFault.rows(responses) && free > 0; ) {
        int i = (int) random.below(responses);
        if (plan[i] == 0) {
          plan[i] = (byte) (f.ordinal() + 1);
          placed++;
          free--;
        }
      }
    }
    return plan;
  }

  /** The second export starts a little before the first one ended: the same rows twice. */
  private void replayOverlap(Export second, long overlap) throws IOException {
    List<List<Object>> last = new ArrayList<>(recent);
    for (int k = (int) Math.max(0, last.size() - overlap); k < last.size(); k++) {
      second.print(last.get(k));
      log.add(INPUT, SurveyFault.IDENTICAL_COPY, 1);
    }
  }

  private void remember(List<Object> row) {
    recent.addLast(row);
    if (recent.size() > RECENT_ROWS) {
      recent.removeFirst();
    }
  }

  /** Who answered about what: a structure (participating or not), or only a town and a kind. */
  private record Subject(Structure structure, Commune commune, Category category) {}

  private Subject subject() {
    double who = random.uniform();
    Structure structure = null;
    if (who < 0.03 && !notParticipating.isEmpty()) {
      structure = random.pick(notParticipating);
    } else if (who >= 0.10 && popularity != null) {
      structure = popularity.pick(random);
    }
    if (structure != null) {
      return new Subject(structure, structure.commune(), structure.category());
    }
    if (popularity != null && random.chance(0.5)) {
      // The respondent did not find the service in the list and named its town and kind instead.
      Structure s = popularity.pick(random);
      return new Subject(null, s.commune(), s.category());
    }
    return new Subject(null, communes.pick(random), categories.pick(random));
  }

  /** One response; the columns in the order of HEADER, null for an empty cell. */
  private List<Object> response(long index, ZonedDateTime submitted) {
    Subject subject = subject();
    Structure structure = subject.structure();
    double mood = (structure == null ? 0 : 0.5 * structure.quality()) + random.gaussian();
    List<Object> row = new ArrayList<>(HEADER.size());
    row.add(String.format("R%02d-%07d", edition.edition() % 100, index + 1));
    row.add(
        random.chance(0.12)
            ? FRENCH_DATE.format(submitted)
            : AuditRecord.TIMESTAMP.format(submitted));
    row.add(structure == null ? null : structure.id());
    row.add(subject.commune().inseeCode());
    row.add(subject.category().name());
    row.add(random.weighted(LAST_CONTACTS, 0.55, 0.35, 0.10).code());
    // Most respondents came in person or called; few wrote.
    row.add(random.weighted(CHANNELS_USED, 0.45, 0.25, 0.12, 0.10, 0.05, 0.03).name());
    for (int q = 0; q < QUESTION_OFFSET.length; q++) {
      row.add(
          random.chance(0.05)
              ? null
              : mark(0.75 * mood + QUESTION_OFFSET[q] + random.gaussian(0, 0.5)));
    }
    row.add(
        random.chance(0.10)
            ? null
            : (int)
                Math.round(Math.max(0, Math.min(10, 6.8 + 1.8 * mood + random.gaussian(0, 1.3)))));
    row.add(random.chance(0.4) ? SurveyComments.comment(mood, random) : null);
    return row;
  }

  private static int mark(double satisfaction) {
    int mark = 1;
    for (double t : THRESHOLDS) {
      if (satisfaction >= t) {
        mark++;
      }
    }
    return mark;
  }

  private void spoil(List<Object> row, SurveyFault fault) {
    int year = edition.edition();
    switch (fault) {
      case UNREADABLE_DATE ->
          row.set(
              SUBMITTED_AT,
              random.pick(
                  "32/09/" + year + " 14:00",
                  year + "-13-02T10:00:00+02:00",
                  "hier soir",
                  "12/09/" + (year % 100) + " 9h30"));
      case UNKNOWN_LAST_CONTACT -> row.set(LAST_CONTACT, random.pick("3-6M", "jamais", "< 1 mois"));
      case UNKNOWN_CATEGORY -> row.set(CATEGORY, random.pick("MAIRIE", "Hôpital", "LIBRARY"));
      case UNKNOWN_CHANNEL -> row.set(CHANNEL, random.pick("FAX", "SMS", "COURRIER"));
      case OUT_OF_RANGE -> {
        switch (random.below(3)) {
          case 0 -> row.set(Q_OVERALL, 5);
          case 1 -> row.set(Q_ACCESS, 0);
          default -> row.set(RECOMMEND, 11);
        }
      }
      default -> throw new IllegalStateException("not a row fault: " + fault);
    }
    log.add(INPUT, fault, 1);
  }

  /**
   * An earlier respondent sent the form again, changing an answer: same response_id, later date.
   */
  private List<Object> resubmission(List<Object> current) {
    List<Object> again = new ArrayList<>(random.pick(new ArrayList<>(recent)));
    again.set(SUBMITTED_AT, current.get(SUBMITTED_AT));
    int q = Q_ACCESS + random.below(6);
    again.set(q, again.get(q) == null ? 3 : 1 + ((Integer) again.get(q)) % 4);
    return again;
  }

  /** The survey runs from the first fieldwork day to five weeks after the last. */
  private static final class Period {
    private final LocalDate first;
    private final long days;

    Period(EditionConfig edition) {
      LocalDate start = null;
      LocalDate end = null;
      for (DateWindow w : edition.windows().values()) {
        start = start == null || w.first().isBefore(start) ? w.first() : start;
        end = end == null || w.last().isAfter(end) ? w.last() : end;
      }
      this.first = start;
      this.days = ChronoUnit.DAYS.between(start, end.plusDays(35)) + 1;
    }

    /** Submission times rise with the index, between 7:00 and 23:00 each day. */
    ZonedDateTime at(long index, long responses, Randoms random) {
      double position = (index + random.uniform()) * days / Math.max(1, responses);
      long day = (long) Math.floor(position);
      int minute = 7 * 60 + (int) ((position - day) * 16 * 60);
      return Fieldwork.at(first.plusDays(day), minute).plusSeconds(random.below(60));
    }
  }

  /** One export file; the BOM is what a spreadsheet tool adds when saving as UTF-8. */
  private static final class Export implements AutoCloseable {
    private final BufferedWriter writer;
    private final CSVPrinter printer;
    long rows;

    Export(Path folder, String name, boolean bom) throws IOException {
      this.writer = Files.newBufferedWriter(folder.resolve(name), StandardCharsets.UTF_8);
      if (bom) {
        writer.write('\uFEFF');
      }
      this.printer = new CSVPrinter(writer, FORMAT);
      printer.printRecord(HEADER);
    }

    void print(List<Object> row) throws IOException {
      printer.printRecord(row);
      rows++;
    }

    @Override
    public void close() throws IOException {
      printer.close();
    }
  }
}
