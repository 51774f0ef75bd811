package fr.barometer.generator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * One audit as the auditors' tool exports it (spec 1.6). Mutable on purpose: bad records and
 * corrections are made by copying a good audit and changing one thing.
 */
final class AuditRecord {
  /** An answer's value is a String or a Number, as in the tool's export. */
  record Answer(String itemId, Object value) {}

  static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final ObjectMapper JSON = new ObjectMapper();

  String auditId;
  int edition;
  String structureId;
  String siteId;
  String channel;
  String scenarioId;
  String auditorId;
  ZonedDateTime contactedAt;
  ZonedDateTime answeredAt;
  ZonedDateTime recordedAt;
  List<Answer> answers = new ArrayList<>();
  String comment;

  AuditRecord copy() {
    AuditRecord c = new AuditRecord();
    c.auditId = auditId;
    c.edition = edition;
    c.structureId = structureId;
    c.siteId = siteId;
    c.channel = channel;
    c.scenarioId = scenarioId;
    c.auditorId = auditorId;
    c.contactedAt = contactedAt;
    c.answeredAt = answeredAt;
    c.recordedAt = recordedAt;
    c.answers = new ArrayList<>(answers);
    c.comment = comment;
    return c;
  }

  /** Fields in the order of the spec's example, so a reader can eyeball the files. */
  ObjectNode toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("audit_id", auditId);
    node.put("edition", edition);
    node.put("structure_id", structureId);
    node.put("site_id", siteId);
    node.put("channel", channel);
    node.put("scenario_id", scenarioId);
    node.put("auditor_id", auditorId);
    node.put("contacted_at", TIMESTAMP.format(contactedAt));
    if (answeredAt == null) {
      node.putNull("answered_at");
    } else {
      node.put("answered_at", TIMESTAMP.format(answeredAt));
    }
    node.put("recorded_at", TIMESTAMP.format(recordedAt));
    ArrayNode list = node.putArray("answers");
    for (Answer a : answers) {
      ObjectNode answer = list.addObject();
      answer.put("item_id", a.itemId());
      putValue(answer, a.value());
    }
    node.put("comment", comment);
    return node;
  }

  private static void putValue(ObjectNode answer, Object value) {
    if (value instanceof Integer i) {
      answer.put("value", i);
    } else if (value instanceof Long l) {
      answer.put("value", l);
    } else if (value instanceof Double d) {
      answer.put("value", d);
    } else {
      answer.put("value", String.valueOf(value));
    }
  }

  /** The same JSON as {@link #toJson()}, streamed: most lines never need a tree. */
  String toJsonLine() {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("audit_id", auditId);
      g.writeNumberField("edition", edition);
      g.writeStringField("structure_id", structureId);
      g.writeStringField("site_id", siteId);
      g.writeStringField("channel", channel);
      g.writeStringField("scenario_id", scenarioId);
      g.writeStringField("auditor_id", auditorId);
      g.writeStringField("contacted_at", TIMESTAMP.format(contactedAt));
      g.writeStringField("answered_at", answeredAt == null ? null : TIMESTAMP.format(answeredAt));
      g.writeStringField("recorded_at", TIMESTAMP.format(recordedAt));
      g.writeArrayFieldStart("answers");
      for (Answer a : answers) {
        g.writeStartObject();
        g.writeStringField("item_id", a.itemId());
        g.writeFieldName("value");
        if (a.value() instanceof Number n) {
          g.writeNumber(n.toString());
        } else {
          g.writeString(String.valueOf(a.value()));
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("comment", comment);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String line(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
