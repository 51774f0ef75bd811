package fr.barometer.generator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.barometer.common.config.DateWindow;
import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.config.GridItem;
import fr.barometer.common.config.Referential;
import fr.barometer.common.config.Scenario;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.ItemType;
import fr.barometer.generator.AuditRecord.Answer;
import fr.barometer.generator.Registry.Site;
import fr.barometer.generator.Registry.Structure;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Spoils a few audits on purpose, at positions drawn before the stream starts so that every kind of
 * fault appears at least once, however small the run. Each fault changes one thing of an otherwise
 * valid audit, so a quarantine row can be traced to a single reason.
 */
final class AuditFaults {
  static final String INPUT = "audits";
  private static final AuditFault[] FAULTS = AuditFault.values();

  private final Registry registry;
  private final EditionConfig edition;
  private final Referential grid;
  private final AuditFactory factory;
  private final AuditIds ids;
  private final Randoms random;
  private final BadRecordLog log;
  private final byte[] schedule;
  private final int[] seen = new int[FAULTS.length];
  private final List<Site> perimeter;
  private final List<Site> withoutVisit;
  private final List<Structure> notAccepted;

  AuditFaults(
      Registry registry,
      EditionConfig edition,
      Referential grid,
      AuditFactory factory,
      AuditIds ids,
      Randoms random,
      BadRecordLog log,
      int audits) {
    this.registry = registry;
    this.edition = edition;
    this.grid = grid;
    this.factory = factory;
    this.ids = ids;
    this.random = random;
    this.log = log;
    this.schedule = schedule(audits);
    this.perimeter = registry.perimeterSites();
    this.withoutVisit = perimeter.stream().filter(s -> !s.mysteryVisit()).toList();
    this.notAccepted = registry.notAccepted();
  }

  private byte[] schedule(int audits) {
    byte[] plan = new byte[audits];
    int free = audits;
    for (AuditFault f : FAULTS) {
      long wanted = Math.max(1, Math.round(f.rate * audits));
      for (long placed = 0; placed < wanted && free > 0; ) {
        int i = random.below(audits);
        if (plan[i] == 0) {
          plan[i] = (byte) (f.ordinal() + 1);
          placed++;
          free--;
        }
      }
    }
    return plan;
  }

  /** Writes the index-th good audit, with the fault planned for it if any. */
  void emit(int index, AuditRecord audit, Structure structure, Channel channel, AuditFiles files)
      throws IOException {
    AuditFault fault =
        index < schedule.length && schedule[index] != 0 ? FAULTS[schedule[index] - 1] : null;
    if (fault == null) {
      files.write(channel, audit.toJsonLine());
      return;
    }
    int variant = seen[fault.ordinal()]++;
    if (EnumSet.of(
            AuditFault.UNKNOWN_ITEM,
            AuditFault.ITEM_OF_OTHER_CHANNEL,
            AuditFault.INVALID_VALUE,
            AuditFault.DUPLICATE_ANSWER)
        .contains(fault)) {
      // A bad answer is quarantined alone: the rest of this audit still counts.
      spoilAnswers(fault, audit, channel, variant);
      files.write(channel, audit.toJsonLine());
      log.add(INPUT, fault, 1);
      return;
    }
    String line = audit.toJsonLine();
    files.write(channel, line);
    switch (fault) {
      case CONFLICTING_DUPLICATE -> conflictingDuplicate(audit, channel, files, variant);
      case CORRECTION -> files.writeResent(correction(audit, 1).toJsonLine());
      case EXACT_COPY -> {
        if (variant % 2 == 0) {
          files.write(channel, line);
        } else {
          files.writeResent(line);
        }
      }
      case OUT_OF_PERIMETER -> {
        AuditRecord outside = outOfPerimeter(ids.next(), channel, variant);
        files.write(Channel.valueOf(outside.channel), outside.toJsonLine());
      }
      default -> files.write(channel, extra(fault, audit, structure, channel, variant));
    }
    log.add(INPUT, fault, fault == AuditFault.CONFLICTING_DUPLICATE ? 2 : 1);
  }

  /** A second record, with its own id, that breaks one rule. */
  private String extra(
      AuditFault fault, AuditRecord good, Structure structure, Channel channel, int variant) {
    AuditRecord bad = good.copy();
    bad.auditId = ids.next();
    switch (fault) {
      case TRUNCATED_LINE -> {
        // The export was cut mid-line: a prefix of a valid record.
        String line = bad.toJsonLine();
        return line.substring(0, (int) (line.length() * (0.3 + 0.5 * random.uniform())));
      }
      case MISSING_FIELD -> {
        ObjectNode node = bad.toJson();
        node.remove(List.of("site_id", "channel", "contacted_at", "structure_id").get(variant % 4));
        return AuditRecord.line(node);
      }
      case OTHER_EDITION -> {
        bad.auditId = ids.nextOfEdition(edition.edition() - 1);
        bad.edition = edition.edition() - 1;
        bad.contactedAt = bad.contactedAt.minusYears(1);
        bad.answeredAt = bad.answeredAt == null ? null : bad.answeredAt.minusYears(1);
        bad.recordedAt = bad.recordedAt.minusYears(1);
      }
      case ANSWERED_BEFORE_CONTACTED ->
          bad.answeredAt = bad.contactedAt.minusDays(random.between(1, 3));
      case UNKNOWN_STRUCTURE -> {
        bad.structureId = registry.unknownStructureId(variant);
        bad.siteId = bad.structureId + "-M";
      }
      case UNKNOWN_SITE ->
          bad.siteId =
              variant % 2 == 0 ? structure.id() + "-A9" : siteOfAnotherStructure(structure);
      case UNKNOWN_SCENARIO ->
          bad.scenarioId = variant % 2 == 0 ? "SC99" : scenarioOfAnotherCategory(structure);
      case UNKNOWN_CHANNEL -> bad.channel = List.of("SMS", "CHAT", "FAX").get(variant % 3);
      case OUTSIDE_WINDOW -> shiftOutOfWindow(bad, channel, variant);
      default -> throw new IllegalStateException("not an extra record: " + fault);
    }
    return bad.toJsonLine();
  }

  private String siteOfAnotherStructure(Structure structure) {
    Site other = random.pick(perimeter);
    for (int tries = 0; tries < 20 && other.structureId().equals(structure.id()); tries++) {
      other = random.pick(perimeter);
    }
    return other.structureId().equals(structure.id()) ? structure.id() + "-A8" : other.id();
  }

  private String scenarioOfAnotherCategory(Structure structure) {
    List<Scenario> others =
        grid.scenarios().stream().filter(s -> !s.appliesTo(structure.category().name())).toList();
    return others.isEmpty() ? "SC98" : random.pick(others).id();
  }

  /** Moves the whole audit a few days past (or before) its channel's window. */
  private void shiftOutOfWindow(AuditRecord bad, Channel channel, int variant) {
    DateWindow window = edition.window(channel);
    LocalDate target =
        variant % 3 == 2
            ? FrenchCalendar.nextWorkingDay(window.first().minusDays(random.between(7, 14)))
            : FrenchCalendar.nextWorkingDay(window.last().plusDays(random.between(1, 12)));
    long days = ChronoUnit.DAYS.between(bad.contactedAt.toLocalDate(), target);
    bad.contactedAt = bad.contactedAt.plusDays(days);
    bad.answeredAt = bad.answeredAt == null ? null : bad.answeredAt.plusDays(days);
    bad.recordedAt = bad.recordedAt.plusDays(days);
  }

  /** An audit of a structure that was not accepted, or a visit nobody ordered. */
  private AuditRecord outOfPerimeter(String auditId, Channel channel, int variant) {
    if ((variant % 2 == 0 || withoutVisit.isEmpty()) && !notAccepted.isEmpty()) {
      Structure s = random.pick(notAccepted);
      return factory.audit(auditId, s, registry.mainSite(s.id()), channel);
    }
    Site site = withoutVisit.isEmpty() ? random.pick(perimeter) : random.pick(withoutVisit);
    return factory.audit(auditId, registry.structure(site.structureId()), site, Channel.VISIT);
  }

  private void spoilAnswers(AuditFault fault, AuditRecord audit, Channel channel, int variant) {
    switch (fault) {
      case UNKNOWN_ITEM -> insert(audit, new Answer(prefix(channel) + "99", "YES"));
      case ITEM_OF_OTHER_CHANNEL -> {
        List<GridItem> others =
            grid.items().stream().filter(i -> i.channel() != channel && !i.isComputed()).toList();
        GridItem other = random.pick(others);
        insert(audit, new Answer(other.id(), validValue(other.type())));
      }
      case INVALID_VALUE -> invalidValue(audit, variant);
      case DUPLICATE_ANSWER -> {
        int i = typedAnswer(audit);
        if (i < 0) {
          String first = grid.itemsOf(channel).get(0).id();
          insert(audit, new Answer(first, "YES"));
          insert(audit, new Answer(first, "NO"));
        } else {
          Answer a = audit.answers.get(i);
          audit.answers.add(i + 1, new Answer(a.itemId(), changed(a)));
        }
      }
      default -> throw new IllegalStateException("not an answer fault: " + fault);
    }
  }

  /** A value no reader may accept: out of the scale, not a yes/no, a negative delay. */
  private void invalidValue(AuditRecord audit, int variant) {
    int i = typedAnswer(audit);
    if (i < 0) {
      audit.answers.add(
          new Answer(audit.answers.isEmpty() ? "XX01" : audit.answers.get(0).itemId(), "MAYBE"));
      return;
    }
    Answer a = audit.answers.get(i);
    Object value =
        switch (type(a.itemId())) {
          case BOOLEAN -> List.of("MAYBE", "OUI", "?").get(variant % 3);
          case SCALE -> List.<Object>of("5", 0, "3.5", "bien").get(variant % 4);
          case DELAY -> List.<Object>of(-3, "-3", "beaucoup").get(variant % 3);
        };
    audit.answers.set(i, new Answer(a.itemId(), value));
  }

  /** Two versions with the same id and the same recorded_at: no reader can tell which is right. */
  private void conflictingDuplicate(
      AuditRecord audit, Channel channel, AuditFiles files, int variant) throws IOException {
    AuditRecord first = variant % 2 == 0 ? audit : correction(audit, 1);
    AuditRecord second = correction(first, 0);
    second.recordedAt = first.recordedAt;
    if (second.toJsonLine().equals(first.toJsonLine())) {
      second.comment = second.comment + " Saisie en double.";
    }
    if (first == audit) {
      files.write(channel, second.toJsonLine());
    } else {
      // Both corrections clash; the original, recorded earlier, stands.
      files.writeResent(first.toJsonLine());
      files.writeResent(second.toJsonLine());
    }
  }

  /** The same audit re-sent with one or two answers changed, {@code days} working days later. */
  private AuditRecord correction(AuditRecord audit, int days) {
    AuditRecord c = audit.copy();
    int changes = random.between(1, 2);
    for (int k = 0; k < changes; k++) {
      int i = typedAnswer(c);
      if (i >= 0) {
        Answer a = c.answers.get(i);
        c.answers.set(i, new Answer(a.itemId(), changed(a)));
      }
    }
    if (days > 0) {
      LocalDate day =
          FrenchCalendar.plusWorkingDays(
              c.recordedAt.toLocalDate(), random.between(days, days + 6));
      c.recordedAt = Fieldwork.at(day, random.between(9 * 60, 18 * 60));
      c.comment = c.comment + " Saisie corrigée après relecture.";
    }
    return c;
  }

  /** Index of a random answer holding a typed value (not NA, item of the grid), -1 if none. */
  private int typedAnswer(AuditRecord audit) {
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < audit.answers.size(); i++) {
      Answer a = audit.answers.get(i);
      boolean known = grid.item(a.itemId()).filter(item -> !item.isComputed()).isPresent();
      if (known && !String.valueOf(a.value()).trim().equalsIgnoreCase("NA")) {
        candidates.add(i);
      }
    }
    return candidates.isEmpty() ? -1 : random.pick(candidates);
  }

  /** Another valid value for the same item. */
  private Object changed(Answer a) {
    String text = String.valueOf(a.value()).trim().toUpperCase(Locale.ROOT);
    return switch (type(a.itemId())) {
      case BOOLEAN -> text.equals("YES") ? "NO" : "YES";
      case SCALE -> String.valueOf(1 + (Integer.parseInt(text) + random.between(0, 2)) % 4);
      case DELAY -> Integer.parseInt(text) + random.between(1, 3);
    };
  }

  private static Object validValue(ItemType type) {
    return switch (type) {
      case BOOLEAN -> "YES";
      case SCALE -> "3";
      case DELAY -> 2;
    };
  }

  private ItemType type(String itemId) {
    return grid.item(itemId).orElseThrow().type();
  }

  private void insert(AuditRecord audit, Answer answer) {
    audit.answers.add(random.between(0, audit.answers.size()), answer);
  }

  private static String prefix(Channel channel) {
    return channel.name().substring(0, 2);
  }
}
