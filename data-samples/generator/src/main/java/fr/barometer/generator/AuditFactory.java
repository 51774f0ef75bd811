package fr.barometer.generator;

import static fr.barometer.generator.Fieldwork.minutes;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.GridItem;
import fr.barometer.common.config.Referential;
import fr.barometer.common.config.Scenario;
import fr.barometer.common.domain.Category;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.Step;
import fr.barometer.generator.AuditComments.Outcome;
import fr.barometer.generator.AuditRecord.Answer;
import fr.barometer.generator.Registry.Site;
import fr.barometer.generator.Registry.Structure;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Makes one well-formed audit of a site on a channel: the contact, the service's answer (or
 * silence), every item of the channel's grid answered as an auditor would, and a comment.
 */
final class AuditFactory {
  static final int AUDITORS = 48;

  /** The item of the default grid that records whether an answering machine is there. */
  static final String ANSWERING_MACHINE_ITEM = "VM01";

  /**
   * National rate of a good answer (BOOLEAN) or mean points (SCALE) per item of the default grid
   * and of the earlier one.
   */
  private static final Map<String, Double> RATE =
      Map.ofEntries(
          Map.entry("EM01", 0.90),
          Map.entry("EM02", 0.74),
          Map.entry("EM04", 0.68),
          Map.entry("EM05", 0.74),
          Map.entry("EM06", 0.80),
          Map.entry("EM07", 0.45),
          Map.entry("PH02", 0.64),
          Map.entry("PH03", 0.74),
          Map.entry("PH04", 0.74),
          Map.entry("PH06", 0.77),
          Map.entry("PH07", 0.68),
          Map.entry("VM02", 0.82),
          Map.entry("VM03", 0.68),
          Map.entry("VM05", 0.72),
          Map.entry("LE01", 0.92),
          Map.entry("LE02", 0.74),
          Map.entry("LE04", 0.68),
          Map.entry("LE05", 0.74),
          Map.entry("LE06", 0.47),
          Map.entry("WE01", 0.90),
          Map.entry("WE02", 0.74),
          Map.entry("WE03", 0.40),
          Map.entry("WE04", 0.64),
          Map.entry("WE05", 0.80),
          Map.entry("WE06", 0.64),
          Map.entry("WE07", 0.70),
          // Only in the grid of the edition before the shipped one (EarlierGrid).
          Map.entry("WE08", 0.55),
          Map.entry("VI01", 0.66),
          Map.entry("VI02", 0.80),
          Map.entry("VI04", 0.75),
          Map.entry("VI05", 0.60),
          Map.entry("VI06", 0.80),
          Map.entry("VI07", 0.70));

  /** Items an auditor often finds not applicable (no transfer needed, nothing to do online...). */
  private static final Map<String, Double> NOT_APPLICABLE =
      Map.of("EM06", 0.12, "PH06", 0.35, "WE06", 0.08, "WE03", 0.05, "VI02", 0.03);

  private static final double DEFAULT_RATE = 0.7;
  private static final double DEFAULT_NOT_APPLICABLE = 0.01;

  private static final double EMAIL_ANSWERED = 0.90;
  private static final double LETTER_ANSWERED = 0.83;
  private static final double ANSWERING_MACHINE = 0.76;
  private static final double CALL_BACK = 0.62;
  private static final double CALL_TAKEN_WITHIN_5_RINGS = 0.94;
  private static final double MISSING_ITEM = 0.02;
  private static final double TYPED_WORKING_DAYS = 0.005;

  private final EditionConfig edition;
  private final Randoms random;
  private final QualityModel quality;
  private final Fieldwork fieldwork;
  private final List<Scenario> commonScenarios;
  private final Map<Category, List<Scenario>> categoryScenarios = new EnumMap<>(Category.class);
  private final Map<Channel, List<GridItem>> items = new EnumMap<>(Channel.class);

  AuditFactory(EditionConfig edition, Referential grid, Randoms random) {
    this.edition = edition;
    this.random = random;
    this.quality = new QualityModel(random);
    this.fieldwork = new Fieldwork(random);
    this.commonScenarios =
        grid.scenarios().stream().filter(s -> s.scope().equals(Scenario.COMMON)).toList();
    for (Category c : Category.values()) {
      categoryScenarios.put(
          c, grid.scenarios().stream().filter(s -> s.scope().equals(c.name())).toList());
    }
    for (Channel c : Channel.values()) {
      items.put(c, grid.itemsOf(c));
    }
  }

  /** What happened between the contact and the answer; the items are then read from it. */
  private record Contact(
      ZonedDateTime contactedAt,
      ZonedDateTime answeredAt,
      boolean answeringMachine,
      int rings,
      int waitSeconds,
      int waitMinutes) {

    static Contact silence(ZonedDateTime contactedAt) {
      return new Contact(contactedAt, null, false, 0, 0, 0);
    }

    static Contact answered(ZonedDateTime contactedAt, ZonedDateTime answeredAt) {
      return new Contact(contactedAt, answeredAt, false, 0, 0, 0);
    }
  }

  AuditRecord audit(String auditId, Structure structure, Site site, Channel channel) {
    double u = quality.auditQuality(site.quality());
    Contact contact = contact(channel, u);
    AuditRecord a = new AuditRecord();
    a.auditId = auditId;
    a.edition = edition.edition();
    a.structureId = structure.id();
    a.siteId = site.id();
    a.channel = channel.name();
    a.scenarioId = scenario(structure.category());
    a.auditorId = String.format("AUD%03d", random.between(1, AUDITORS));
    a.contactedAt = contact.contactedAt();
    a.answeredAt = contact.answeredAt();
    double points = answer(a, channel, contact, u);
    a.recordedAt = recorded(channel, contact);
    boolean silent = channel.canGoUnanswered() && contact.answeredAt() == null;
    a.comment =
        AuditComments.comment(
            channel, silent ? Outcome.NO_ANSWER : AuditComments.outcome(points), random);
    return a;
  }

  /** Half the audits follow the category's own scenario, the rest a common one. */
  private String scenario(Category category) {
    List<Scenario> specific = categoryScenarios.get(category);
    boolean useSpecific = !specific.isEmpty() && (commonScenarios.isEmpty() || random.chance(0.5));
    return random.pick(useSpecific ? specific : commonScenarios).id();
  }

  private Contact contact(Channel channel, double u) {
    LocalDate day = fieldwork.dayIn(edition.window(channel));
    return switch (channel) {
      case EMAIL -> email(day, u);
      case LETTER -> letter(day, u);
      case VOICEMAIL -> voicemail(day, u);
      case PHONE -> phone(day, u);
      case WEB -> web(day);
      case VISIT -> visit(day, u);
    };
  }

  private Contact email(LocalDate day, double u) {
    ZonedDateTime sent = fieldwork.at(day, minutes(8, 0), minutes(18, 0));
    if (!quality.good(EMAIL_ANSWERED, u)) {
      return Contact.silence(sent);
    }
    int workingDays = (int) Math.min(30, Math.round(quality.duration(3.0, 0.9, u)) - 1);
    ZonedDateTime sameDay = sent.plusMinutes(random.between(30, 300));
    if (workingDays <= 0 && sameDay.getHour() < 19 && sameDay.toLocalDate().equals(day)) {
      return Contact.answered(sent, sameDay);
    }
    LocalDate answered = FrenchCalendar.plusWorkingDays(day, Math.max(1, workingDays));
    return Contact.answered(sent, fieldwork.at(answered, minutes(8, 30), minutes(18, 0)));
  }

  /** Letters take the post both ways; about two in three come back within a week. */
  private Contact letter(LocalDate day, double u) {
    ZonedDateTime posted = fieldwork.at(day, minutes(9, 0), minutes(17, 0));
    if (!quality.good(LETTER_ANSWERED, u)) {
      return Contact.silence(posted);
    }
    long days = Math.max(2, Math.round(quality.duration(4.2, 0.6, u)));
    LocalDate answered = FrenchCalendar.nextWorkingDay(day.plusDays(days));
    return Contact.answered(posted, fieldwork.at(answered, minutes(9, 0), minutes(17, 0)));
  }

  /** Called out of opening hours: is there a machine, and does anyone call back? */
  private Contact voicemail(LocalDate day, double u) {
    boolean lunch = random.chance(0.5);
    ZonedDateTime called =
        lunch
            ? fieldwork.at(day, minutes(12, 15), minutes(13, 30))
            : fieldwork.at(day, minutes(17, 45), minutes(19, 15));
    boolean machine = quality.good(ANSWERING_MACHINE, u);
    if (!machine || !quality.good(CALL_BACK, u)) {
      return new Contact(called, null, machine, 0, 0, 0);
    }
    if (lunch && random.chance(0.25)) {
      return new Contact(called, fieldwork.at(day, minutes(14, 0), minutes(17, 30)), true, 0, 0, 0);
    }
    LocalDate back =
        FrenchCalendar.plusWorkingDays(day, 1 + random.weightedIndex(0.65, 0.20, 0.10, 0.05));
    return new Contact(called, fieldwork.at(back, minutes(8, 30), minutes(17, 30)), true, 0, 0, 0);
  }

  private Contact phone(LocalDate day, double u) {
    ZonedDateTime called = fieldwork.officeHours(day);
    int rings =
        quality.good(CALL_TAKEN_WITHIN_5_RINGS, u)
            ? 1 + random.weightedIndex(0.25, 0.35, 0.22, 0.12, 0.06)
            : 6 + random.weightedIndex(0.35, 0.25, 0.15, 0.10, 0.05, 0.05, 0.05);
    int wait = (int) Math.round(quality.duration(20, 1.0, u));
    return new Contact(called, called.plusSeconds(rings * 6L), false, rings, wait, 0);
  }

  private Contact web(LocalDate day) {
    ZonedDateTime opened = fieldwork.at(day, minutes(9, 0), minutes(18, 0));
    return Contact.answered(opened, opened.plusMinutes(random.between(5, 30)));
  }

  private Contact visit(LocalDate day, double u) {
    ZonedDateTime arrived = fieldwork.officeHours(day);
    int wait = (int) Math.round(quality.duration(5, 0.8, u));
    return new Contact(
        arrived, arrived.plusMinutes(wait).plusSeconds(random.between(0, 59)), false, 0, 0, wait);
  }

  private ZonedDateTime recorded(Channel channel, Contact contact) {
    if (contact.answeredAt() != null) {
      return fieldwork.recordedAfter(contact.answeredAt(), 2);
    }
    // Silence is recorded once the waiting period is over.
    int wait =
        switch (channel) {
          case LETTER -> 22;
          case EMAIL -> 12;
          default -> 5;
        };
    LocalDate closed = FrenchCalendar.plusWorkingDays(contact.contactedAt().toLocalDate(), wait);
    return fieldwork.at(closed, minutes(9, 0), minutes(18, 0));
  }

  /** Fills the answers; returns the share of points earned, to pick a fitting comment. */
  private double answer(AuditRecord a, Channel channel, Contact contact, double u) {
    double earned = 0;
    double weights = 0;
    for (GridItem item : items.get(channel)) {
      if (item.isComputed()) {
        double points = computedPoints(item, contact);
        earned += item.weight() * points;
        weights += item.weight();
        if (contact.answeredAt() != null && random.chance(TYPED_WORKING_DAYS)) {
          // Some auditors type the delay anyway, counted by hand and sometimes off by one.
          a.answers.add(
              new Answer(item.id(), Math.max(0, workingDays(contact) + random.between(-1, 1))));
        }
        continue;
      }
      Drawn drawn = draw(item, channel, contact, u);
      a.answers.add(new Answer(item.id(), drawn.value()));
      if (drawn.points() >= 0) {
        earned += item.weight() * drawn.points();
        weights += item.weight();
      }
    }
    if (random.chance(MISSING_ITEM) && !a.answers.isEmpty()) {
      a.answers.remove(random.below(a.answers.size()));
    }
    return weights == 0 ? 0 : earned / weights;
  }

  /** A value as written in the file and its points (-1 when not applicable). */
  private record Drawn(Object value, double points) {}

  private Drawn draw(GridItem item, Channel channel, Contact contact, double u) {
    if (channel == Channel.VOICEMAIL && item.id().equals(ANSWERING_MACHINE_ITEM)) {
      return yesNo(contact.answeringMachine());
    }
    if (channel == Channel.VOICEMAIL && !contact.answeringMachine()) {
      return notApplicable();
    }
    if (channel.canGoUnanswered()
        && contact.answeredAt() == null
        && dependsOnAnswer(channel, item)) {
      return notApplicable();
    }
    if (random.chance(NOT_APPLICABLE.getOrDefault(item.id(), DEFAULT_NOT_APPLICABLE))) {
      return notApplicable();
    }
    double rate = RATE.getOrDefault(item.id(), DEFAULT_RATE);
    return switch (item.type()) {
      case BOOLEAN -> yesNo(quality.good(rate, u));
      case SCALE -> scale(quality.scale(rate, u));
      case DELAY -> delay(item, contact, u);
    };
  }

  /** Without an answer there is nothing to judge but how the service could be reached. */
  private static boolean dependsOnAnswer(Channel channel, GridItem item) {
    return channel == Channel.VOICEMAIL
        ? item.step() == Step.TRAITEMENT
        : item.step() != Step.ACCES;
  }

  private Drawn delay(GridItem item, Contact contact, double u) {
    double v =
        switch (item.unit()) {
          case RINGS -> contact.rings();
          case SECONDS -> contact.waitSeconds();
          case MINUTES -> contact.waitMinutes();
          case WORKING_DAYS -> workingDays(contact);
        };
    int value = (int) Math.round(v);
    return new Drawn(value, delayPoints(item, value));
  }

  private double computedPoints(GridItem item, Contact contact) {
    return contact.answeredAt() == null ? 0 : delayPoints(item, workingDays(contact));
  }

  private static double delayPoints(GridItem item, double v) {
    return v <= item.fullAt() ? 1 : v <= item.zeroAfter() ? 0.5 : 0;
  }

  private static int workingDays(Contact contact) {
    return contact.answeredAt() == null
        ? 0
        : FrenchCalendar.workingDaysBetween(
            contact.contactedAt().toLocalDate(), contact.answeredAt().toLocalDate());
  }

  /** Auditors mostly type the code as asked; now and then in lower case or with a stray space. */
  private Drawn yesNo(boolean yes) {
    String code = yes ? "YES" : "NO";
    if (random.chance(0.04)) {
      code = random.pick(code.toLowerCase(), " " + code, code + " ", " " + code.toLowerCase());
    }
    return new Drawn(code, yes ? 1 : 0);
  }

  /** The tool exports marks as text, older versions as numbers. */
  private Drawn scale(int mark) {
    return new Drawn(random.chance(0.2) ? (Object) mark : String.valueOf(mark), (mark - 1) / 3.0);
  }

  private Drawn notApplicable() {
    return new Drawn(random.chance(0.03) ? random.pick("na", " NA", "Na ") : "NA", -1);
  }
}
