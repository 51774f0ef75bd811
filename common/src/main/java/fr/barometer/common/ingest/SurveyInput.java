package fr.barometer.common.ingest;

import static fr.barometer.common.ingest.QuarantineReason.UNKNOWN_CODE;
import static fr.barometer.common.ingest.Values.code;
import static fr.barometer.common.ingest.Values.optional;
import static fr.barometer.common.ingest.Values.optionalInRange;
import static fr.barometer.common.ingest.Values.required;

import fr.barometer.common.domain.Category;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.LastContact;
import fr.barometer.common.io.Schemas;
import fr.barometer.common.io.TextInput;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The citizen survey export ({@code survey/*.csv}): semicolon-separated, quoted free text. A row
 * with an unreadable date, an unknown code or an answer out of range is refused whole. Comments are
 * masked before anything is stored, the quarantine's raw record included.
 */
public final class SurveyInput {
  private SurveyInput() {}

  public static final List<String> QUESTIONS =
      List.of("q_access", "q_reception", "q_information", "q_delay", "q_courtesy", "q_overall");

  public static final CsvStaging.Layout LAYOUT =
      new CsvStaging.Layout(
          ';',
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
              "comment"),
          true);

  public static final Staging STAGING = new Staging(Schemas.SURVEY_RESPONSES);

  public static Iterator<Row> stage(TextInput file, int edition) {
    return CsvStaging.stage(file, LAYOUT, STAGING, edition, SurveyInput::fill);
  }

  private static void fill(CsvInput.Record r, Staging.RowBuilder row) {
    String lastContactCode = required("last_contact", r.get("last_contact"));
    LastContact lastContact =
        LastContact.fromCode(lastContactCode)
            .orElseThrow(
                () ->
                    Rejection.raise(
                        UNKNOWN_CODE,
                        "last_contact '" + lastContactCode + "' is not <1M, 1-3M or >3M"));
    String channel = optional(r.get("channel_used"));
    row.set("response_id", required("response_id", r.get("response_id")))
        .set("submitted_at", Values.timestamp("submitted_at", r.get("submitted_at"), true))
        .set("structure_id", optional(r.get("structure_id")))
        .set("insee_code", optional(r.get("insee_code")))
        .set("category", code("category", r.get("category"), Category.class).name())
        .set("last_contact", lastContact.code())
        .set(
            "channel_used",
            channel == null ? null : code("channel_used", channel, Channel.class).name());
    for (String q : QUESTIONS) {
      row.set(q, optionalInRange(q, r.get(q), 1, 4));
    }
    row.set("recommend", optionalInRange("recommend", r.get("recommend"), 0, 10))
        .set("comment", PiiMasking.mask(optional(r.get("comment"))))
        .set("eligible", lastContact.isEligible());
  }
}
