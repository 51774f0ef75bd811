package fr.barometer.common.ingest;

import static fr.barometer.common.ingest.QuarantineReason.DUPLICATE_ANSWER;
import static fr.barometer.common.ingest.QuarantineReason.INVALID_VALUE;
import static fr.barometer.common.ingest.QuarantineReason.ITEM_OF_OTHER_CHANNEL;
import static fr.barometer.common.ingest.QuarantineReason.MALFORMED_RECORD;
import static fr.barometer.common.ingest.QuarantineReason.OUTSIDE_WINDOW;
import static fr.barometer.common.ingest.QuarantineReason.OUT_OF_PERIMETER;
import static fr.barometer.common.ingest.QuarantineReason.UNKNOWN_ITEM;
import static fr.barometer.common.ingest.QuarantineReason.UNKNOWN_SCENARIO;
import static fr.barometer.common.ingest.QuarantineReason.UNKNOWN_SITE;
import static fr.barometer.common.ingest.QuarantineReason.UNKNOWN_STRUCTURE;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ValueNode;
import fr.barometer.common.config.DateWindow;
import fr.barometer.common.config.GridItem;
import fr.barometer.common.config.Scenario;
import fr.barometer.common.domain.ApplicationStatus;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.ItemType;
import fr.barometer.common.domain.ParisTime;
import fr.barometer.common.domain.Plan;
import fr.barometer.common.io.Schemas;
import fr.barometer.common.io.TextInput;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The auditors' export ({@code audits/*.jsonl}): one audit per line. An audit is checked whole
 * first (parse, edition, dates, structure, site, perimeter, scenario, window); the answers of a
 * valid audit are then checked one by one, and a bad answer is refused alone.
 */
public final class AuditInput {
  private AuditInput() {}

  public static final String ANSWERS = "answers";

  /** An answer as staged: its normalised value, or why it is refused. */
  public static final StructType ANSWER =
      new StructType()
          .add("position", DataTypes.IntegerType, false)
          .add("item_id", DataTypes.StringType, true)
          .add("value", DataTypes.StringType, true)
          .add("record", DataTypes.StringType, true)
          .add("reason", DataTypes.StringType, true)
          .add("detail", DataTypes.StringType, true);

  public static final Staging STAGING =
      new Staging(
          Schemas.AUDITS,
          new org.apache.spark.sql.types.StructField(
              ANSWERS,
              DataTypes.createArrayType(ANSWER),
              true,
              org.apache.spark.sql.types.Metadata.empty()));

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Every non-blank line of the file gives one staging row, made as the rows are consumed (a file
   * is never held whole); an empty file gives one refused row.
   */
  public static Iterator<Row> stage(TextInput file, AuditContext context) {
    if (file.isEmpty()) {
      return List.of(STAGING.emptyFile(file, context.config().edition())).iterator();
    }
    Lines lines = new Lines(file);
    return Produced.of(
        () -> {
          for (String line = lines.next(); line != null; line = lines.next()) {
            if (!line.isBlank()) {
              return stageLine(file, lines.number(), line, context);
            }
          }
          return null;
        });
  }

  static Row stageLine(TextInput file, long lineNumber, String line, AuditContext context) {
    Staging.RowBuilder row = STAGING.row(file.name(), lineNumber, line);
    row.set("edition", context.config().edition());
    try {
      if (!file.validUtf8()) {
        throw Rejection.raise(MALFORMED_RECORD, "the file is not valid UTF-8");
      }
      JsonNode audit = parse(line);
      fillAudit(audit, row, context);
      row.content(canonical(audit));
    } catch (Rejection.Raised r) {
      row.reject(r.rejection());
    }
    return row.build();
  }

  private static JsonNode parse(String line) {
    try {
      JsonNode node = JSON.readTree(line);
      if (node == null || !node.isObject()) {
        throw Rejection.raise(MALFORMED_RECORD, "not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw Rejection.raise(MALFORMED_RECORD, "not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static void fillAudit(JsonNode a, Staging.RowBuilder row, AuditContext ctx) {
    String auditId = Values.required("audit_id", text(a, "audit_id"));
    JsonNode edition = a.get("edition");
    if (edition == null
        || !edition.canConvertToInt()
        || edition.asInt() != ctx.config().edition()) {
      throw Rejection.raise(
          MALFORMED_RECORD,
          "edition "
              + edition
              + " is not the edition being loaded ("
              + ctx.config().edition()
              + ")");
    }
    Channel channel = Values.code("channel", text(a, "channel"), Channel.class);
    Timestamp contacted = Values.timestamp("contacted_at", text(a, "contacted_at"), false);
    String answeredText = text(a, "answered_at");
    Timestamp answered =
        answeredText == null ? null : Values.timestamp("answered_at", answeredText, false);
    Timestamp recorded = Values.timestamp("recorded_at", text(a, "recorded_at"), false);
    if (answered != null && answered.before(contacted)) {
      throw Rejection.raise(MALFORMED_RECORD, "answered_at is earlier than contacted_at");
    }
    JsonNode answers = a.get(ANSWERS);
    if (answers == null || !answers.isArray()) {
      throw Rejection.raise(MALFORMED_RECORD, "answers is missing or not a list");
    }
    String structureId = Values.required("structure_id", text(a, "structure_id"));
    String siteId = Values.required("site_id", text(a, "site_id"));
    String scenarioId = Values.required("scenario_id", text(a, "scenario_id"));
    AuditContext.StructureRef structure = checkSite(ctx, structureId, siteId, channel);
    checkScenario(ctx, scenarioId, structure.category());
    checkWindow(ctx, channel, contacted);
    row.set("audit_id", auditId)
        .set("structure_id", structureId)
        .set("site_id", siteId)
        .set("channel", channel.name())
        .set("scenario_id", scenarioId)
        .set("auditor_id", Values.optional(text(a, "auditor_id")))
        .set("contacted_at", contacted)
        .set("answered_at", answered)
        .set("recorded_at", recorded)
        .set("comment", text(a, "comment"))
        .set(
            ANSWERS,
            scala.collection.JavaConverters.asScalaBuffer(answers(answers, channel, ctx)).toList());
  }

  private static AuditContext.StructureRef checkSite(
      AuditContext ctx, String structureId, String siteId, Channel channel) {
    AuditContext.StructureRef structure = ctx.structures().get(structureId);
    if (structure == null) {
      throw Rejection.raise(
          UNKNOWN_STRUCTURE, "structure_id '" + structureId + "' is not a known structure");
    }
    AuditContext.SiteRef site = ctx.sites().get(siteId);
    if (site == null || !site.structureId().equals(structureId)) {
      throw Rejection.raise(
          UNKNOWN_SITE, "site_id '" + siteId + "' is not a site of structure " + structureId);
    }
    if (structure.status() != ApplicationStatus.ACCEPTED) {
      throw Rejection.raise(
          OUT_OF_PERIMETER,
          "structure " + structureId + " is " + structure.status() + ", not ACCEPTED");
    }
    if (!site.isMain() && structure.plan() != Plan.PERSONALIZED) {
      throw Rejection.raise(
          OUT_OF_PERIMETER, "site " + siteId + " is an additional site of a STANDARD structure");
    }
    if (channel == Channel.VISIT && !site.mysteryVisit()) {
      throw Rejection.raise(
          OUT_OF_PERIMETER, "site " + siteId + " did not order the mystery visit");
    }
    return structure;
  }

  private static void checkScenario(AuditContext ctx, String scenarioId, String category) {
    Scenario scenario =
        ctx.grid()
            .scenario(scenarioId)
            .orElseThrow(
                () ->
                    Rejection.raise(
                        UNKNOWN_SCENARIO, "scenario_id '" + scenarioId + "' is not in the grid"));
    if (!scenario.appliesTo(category)) {
      throw Rejection.raise(
          UNKNOWN_SCENARIO,
          "scenario " + scenarioId + " is written for " + scenario.scope() + ", not " + category);
    }
  }

  private static void checkWindow(AuditContext ctx, Channel channel, Timestamp contacted) {
    DateWindow window = ctx.config().window(channel);
    java.time.LocalDate day = contacted.toInstant().atZone(ParisTime.ZONE).toLocalDate();
    if (!window.contains(day)) {
      throw Rejection.raise(
          OUTSIDE_WINDOW,
          channel
              + " audit contacted on "
              + day
              + ", outside "
              + window.first()
              + ".."
              + window.last());
    }
  }

  /** Stages each answer; an item answered twice has both answers refused. */
  private static List<Row> answers(JsonNode answers, Channel channel, AuditContext ctx) {
    Map<String, Integer> timesAnswered = new HashMap<>();
    for (JsonNode answer : answers) {
      String item = text(answer, "item_id");
      if (item != null) {
        timesAnswered.merge(item.trim(), 1, Integer::sum);
      }
    }
    List<Row> staged = new ArrayList<>();
    int position = 0;
    for (JsonNode answer : answers) {
      staged.add(answer(position++, answer, channel, ctx, timesAnswered));
    }
    return staged;
  }

  private static Row answer(
      int position,
      JsonNode answer,
      Channel channel,
      AuditContext ctx,
      Map<String, Integer> timesAnswered) {
    String itemId = answer.isObject() ? Values.optional(text(answer, "item_id")) : null;
    try {
      if (itemId == null) {
        throw Rejection.raise(QuarantineReason.MALFORMED_RECORD, "answer without item_id");
      }
      GridItem item =
          ctx.grid()
              .item(itemId)
              .orElseThrow(
                  () ->
                      Rejection.raise(UNKNOWN_ITEM, "item_id '" + itemId + "' is not in the grid"));
      if (item.channel() != channel) {
        throw Rejection.raise(
            ITEM_OF_OTHER_CHANNEL,
            "item " + itemId + " is a " + item.channel() + " item, the audit is " + channel);
      }
      if (timesAnswered.get(itemId) > 1) {
        throw Rejection.raise(
            DUPLICATE_ANSWER,
            "item " + itemId + " is answered " + timesAnswered.get(itemId) + " times");
      }
      String value = normalise(item, answer.get("value"));
      // The record is kept for quarantine only: a good answer's would be carried for nothing.
      return new GenericRowWithSchema(
          new Object[] {position, itemId, value, null, null, null}, ANSWER);
    } catch (Rejection.Raised r) {
      return new GenericRowWithSchema(
          new Object[] {
            position,
            itemId,
            null,
            answer.toString(),
            r.rejection().reason().name(),
            r.rejection().detail()
          },
          ANSWER);
    }
  }

  /**
   * YES, NO, NA (any case, spaces around), or a number in plain form; refuses what the item cannot
   * take.
   */
  static String normalise(GridItem item, JsonNode node) {
    String raw = node == null || node.isNull() ? null : node.asText().trim();
    if (raw == null || raw.isEmpty()) {
      throw Rejection.raise(INVALID_VALUE, "item " + item.id() + " has no value");
    }
    String upper = raw.toUpperCase(Locale.ROOT);
    if (upper.equals("NA")) {
      return "NA";
    }
    if (item.type() == ItemType.BOOLEAN) {
      if (upper.equals("YES") || upper.equals("NO")) {
        return upper;
      }
      throw Rejection.raise(
          INVALID_VALUE, "item " + item.id() + " (BOOLEAN) cannot be '" + raw + "'");
    }
    BigDecimal number = number(item, raw);
    if (item.type() == ItemType.SCALE) {
      if (number.stripTrailingZeros().scale() > 0
          || number.compareTo(BigDecimal.ONE) < 0
          || number.compareTo(BigDecimal.valueOf(4)) > 0) {
        throw Rejection.raise(
            INVALID_VALUE, "item " + item.id() + " (SCALE) cannot be '" + raw + "', expected 1..4");
      }
    } else if (number.signum() < 0) {
      throw Rejection.raise(
          INVALID_VALUE, "item " + item.id() + " (DELAY) cannot be negative: '" + raw + "'");
    }
    return number.stripTrailingZeros().toPlainString();
  }

  private static BigDecimal number(GridItem item, String raw) {
    try {
      return new BigDecimal(raw);
    } catch (NumberFormatException e) {
      throw Rejection.raise(
          INVALID_VALUE, "item " + item.id() + " (" + item.type() + ") cannot be '" + raw + "'");
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /**
   * The audit's JSON with every object's fields in key order, so that copies differing only in key
   * order or spacing are equal. Written from the parsed tree rather than through the maps that
   * {@code ORDER_MAP_ENTRIES_BY_KEYS} sorts, which cost about a third more; the text is the same as
   * theirs, so the digests staged by earlier versions still match.
   */
  static String canonical(JsonNode audit) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator out = JSON.getFactory().createGenerator(text)) {
      writeSorted(audit, out);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot re-serialise a parsed audit", e);
    }
    return text.toString();
  }

  private static void writeSorted(JsonNode node, JsonGenerator out) throws IOException {
    if (node.isObject()) {
      List<String> names = new ArrayList<>(node.size());
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.writeStartObject();
      for (String name : names) {
        out.writeFieldName(name);
        writeSorted(node.get(name), out);
      }
      out.writeEndObject();
    } else if (node.isArray()) {
      out.writeStartArray();
      for (JsonNode element : node) {
        writeSorted(element, out);
      }
      out.writeEndArray();
    } else if (node.isNull()) {
      out.writeNull();
    } else {
      // A scalar writes itself as the map's value would, without a serializer lookup per value.
      ((ValueNode) node).serialize(out, null);
    }
  }
}
