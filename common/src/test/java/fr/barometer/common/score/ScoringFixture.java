package fr.barometer.common.score;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.io.Schemas;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * A small 2017 edition built in memory, scored by hand in {@code ScoringTest}.
 *
 * <pre>
 * Grid (weights in brackets)
 *   EMAIL  E1 ACCES C1 BOOLEAN [1]   E2 TRAITEMENT C2 WORKING_DAYS 5/10 [2]
 *          E3 TRAITEMENT C2 SCALE [1]   E4 TRAITEMENT C3 BOOLEAN [1]
 *   PHONE  P1 ACCES C1 RINGS 5/8 [2]   P2 ACCUEIL C3 BOOLEAN [1]
 *   VISIT  V1 ACCUEIL C3 SCALE [2]     V2 ACCES C1 BOOLEAN [1]
 * Quotas EMAIL 2, PHONE 1, VISIT 1, others 0.
 *
 * Structures                                  commune pop   sites
 *   T1 MAIRIE, ADMINISTRATION, STANDARD       12,000 (S2)   T1-M
 *   T2 CAF, HEALTH_SOCIAL_SECURITY, PERSONAL. 50,000        T2-M (visit), T2-A
 *   T3 MAIRIE, STANDARD                        2,000        T3-M  -> ineligible
 *   T4 POSTAL, REJECTED                       50,000        T4-M
 *   T5 POSTAL, STANDARD                       50,000        T5-M, T5-A (out of perimeter)
 *
 * Audits
 *   A1 T1-M EMAIL Mon 4 Sep 10:00 -> Thu 7 Sep: E1 YES, E2 "12" (ignored), E3 3, E4 NA
 *   A2 T1-M EMAIL Mon 11 Sep, never answered: E1 NO, E4 YES (E2, E3 absent)
 *   A3 T1-M PHONE: P1 6 rings (P2 never answered)
 *   B1 T2-M EMAIL Mon 4 Sep -> Tue 19 Sep (11 working days): E1 YES, E3 4, E4 YES
 *   B2 T2-M VISIT: V1 2, V2 YES
 *   B3 T2-A PHONE: P1 3, P2 NO
 *   C1 T3-M EMAIL (ineligible structure)
 *   D1 T5-M PHONE: P1 NA, P2 NA
 *   D2 T5-A PHONE (site out of the perimeter)
 * </pre>
 */
public final class ScoringFixture {
  public static final int EDITION = 2017;

  private ScoringFixture() {}

  /** The 2017 defaults with the fixture's quotas and the given channel weights (others 1). */
  public static EditionConfig config(Map<Channel, Double> weights) {
    EditionConfig base = EditionConfig.defaults();
    Map<Channel, Integer> quotas = new EnumMap<>(Channel.class);
    Map<Channel, Double> channelWeights = new EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      quotas.put(c, 0);
      channelWeights.put(c, weights.getOrDefault(c, 1.0));
    }
    quotas.put(Channel.EMAIL, 2);
    quotas.put(Channel.PHONE, 1);
    quotas.put(Channel.VISIT, 1);
    return new EditionConfig(
        base.edition(),
        base.registrationClose(),
        base.windows(),
        quotas,
        channelWeights,
        base.minCommunePopulation(),
        base.minEpciPopulation(),
        base.strata(),
        base.kAnonymity(),
        base.surveyMinResponses(),
        base.prices(),
        base.vatRate());
  }

  public static EditionConfig config() {
    return config(Map.of());
  }

  public static ScoringInputs inputs(EditionConfig config) {
    return new ScoringInputs(
        Eligibility.eligibility(structures(), communes(), epci(), config),
        sites(),
        referentialItems(),
        audits(),
        auditAnswers());
  }

  public static Dataset<Row> structures() {
    return frame(
        Schemas.STRUCTURES,
        structure("T1", "ADMINISTRATION", "MAIRIE", "11111", "ACCEPTED", "STANDARD"),
        structure("T2", "HEALTH_SOCIAL_SECURITY", "CAF", "22222", "ACCEPTED", "PERSONALIZED"),
        structure("T3", "ADMINISTRATION", "MAIRIE", "33333", "ACCEPTED", "STANDARD"),
        structure("T4", "POSTAL", "Bureau de poste", "22222", "REJECTED", "STANDARD"),
        structure("T5", "POSTAL", "Bureau de poste", "22222", "ACCEPTED", "STANDARD"));
  }

  public static Dataset<Row> communes() {
    return frame(
        Schemas.COMMUNES,
        commune("11111", 12_000L),
        commune("22222", 50_000L),
        commune("33333", 2_000L));
  }

  public static Dataset<Row> epci() {
    return frame(
        Schemas.EPCI, RowFactory.create(EDITION, "200000001", "CC Test", "CC", 80_000L, 3));
  }

  public static Dataset<Row> sites() {
    return frame(
        Schemas.SITES,
        site("T1-M", "T1", true, false),
        site("T2-M", "T2", true, true),
        site("T2-A", "T2", false, false),
        site("T3-M", "T3", true, false),
        site("T4-M", "T4", true, false),
        site("T5-M", "T5", true, false),
        site("T5-A", "T5", false, false));
  }

  public static Dataset<Row> referentialItems() {
    return frame(
        Schemas.REFERENTIAL_ITEMS,
        item("E1", "EMAIL", "C1", "ACCES", "BOOLEAN", null, null, null, 1),
        item("E2", "EMAIL", "C2", "TRAITEMENT", "DELAY", "WORKING_DAYS", 5.0, 10.0, 2),
        item("E3", "EMAIL", "C2", "TRAITEMENT", "SCALE", null, null, null, 1),
        item("E4", "EMAIL", "C3", "TRAITEMENT", "BOOLEAN", null, null, null, 1),
        item("P1", "PHONE", "C1", "ACCES", "DELAY", "RINGS", 5.0, 8.0, 2),
        item("P2", "PHONE", "C3", "ACCUEIL", "BOOLEAN", null, null, null, 1),
        item("V1", "VISIT", "C3", "ACCUEIL", "SCALE", null, null, null, 2),
        item("V2", "VISIT", "C1", "ACCES", "BOOLEAN", null, null, null, 1));
  }

  public static Dataset<Row> audits() {
    return frame(
        Schemas.AUDITS,
        audit("A1", "T1", "T1-M", "EMAIL", "2017-09-04T10:00+02:00", "2017-09-07T16:00+02:00"),
        audit("A2", "T1", "T1-M", "EMAIL", "2017-09-11T10:00+02:00", null),
        audit("A3", "T1", "T1-M", "PHONE", "2017-09-12T10:00+02:00", null),
        audit("B1", "T2", "T2-M", "EMAIL", "2017-09-04T09:00+02:00", "2017-09-19T09:00+02:00"),
        audit("B2", "T2", "T2-M", "VISIT", "2017-09-13T14:00+02:00", null),
        audit("B3", "T2", "T2-A", "PHONE", "2017-09-14T11:00+02:00", null),
        audit("C1", "T3", "T3-M", "EMAIL", "2017-09-04T10:00+02:00", "2017-09-05T10:00+02:00"),
        audit("D1", "T5", "T5-M", "PHONE", "2017-09-15T11:00+02:00", null),
        audit("D2", "T5", "T5-A", "PHONE", "2017-09-15T12:00+02:00", null));
  }

  public static Dataset<Row> auditAnswers() {
    List<Row> rows = new ArrayList<>();
    answers(rows, "A1", "E1", "YES", "E2", "12", "E3", "3", "E4", "NA");
    answers(rows, "A2", "E1", "NO", "E4", "YES");
    answers(rows, "A3", "P1", "6");
    answers(rows, "B1", "E1", "YES", "E3", "4", "E4", "YES");
    answers(rows, "B2", "V1", "2", "V2", "YES");
    answers(rows, "B3", "P1", "3", "P2", "NO");
    answers(rows, "C1", "E1", "YES", "E3", "4", "E4", "YES");
    answers(rows, "D1", "P1", "NA", "P2", "NA");
    answers(rows, "D2", "P1", "1", "P2", "YES");
    return SparkTestSession.get().createDataFrame(rows, Schemas.AUDIT_ANSWERS);
  }

  public static Timestamp at(String offsetDateTime) {
    return offsetDateTime == null
        ? null
        : Timestamp.from(OffsetDateTime.parse(offsetDateTime).toInstant());
  }

  static Dataset<Row> frame(StructType schema, Row... rows) {
    return SparkTestSession.get().createDataFrame(List.of(rows), schema);
  }

  private static Row structure(
      String id, String category, String subtype, String insee, String status, String plan) {
    return RowFactory.create(
        EDITION,
        id,
        "Structure " + id,
        category,
        subtype,
        insee,
        null,
        status,
        plan,
        id.toLowerCase() + "@example.org");
  }

  private static Row commune(String insee, Long population) {
    return RowFactory.create(
        EDITION,
        insee,
        "Commune " + insee,
        "75",
        "Paris",
        "11",
        "Île-de-France",
        population,
        "200000001");
  }

  private static Row site(String id, String structure, boolean main, boolean visit) {
    return RowFactory.create(EDITION, id, structure, "Site " + id, "11111", main, visit);
  }

  private static Row item(
      String id,
      String channel,
      String criterion,
      String step,
      String type,
      String unit,
      Double fullAt,
      Double zeroAfter,
      double weight) {
    return RowFactory.create(
        EDITION, id, channel, criterion, step, "Item " + id, type, unit, fullAt, zeroAfter, weight);
  }

  private static Row audit(
      String id, String structure, String site, String channel, String contacted, String answered) {
    Timestamp contactedAt = at(contacted);
    return RowFactory.create(
        EDITION,
        id,
        structure,
        site,
        channel,
        "SC01",
        "AUD01",
        contactedAt,
        at(answered),
        contactedAt,
        null,
        "audits/test.jsonl",
        1L);
  }

  private static void answers(List<Row> rows, String audit, String... itemValues) {
    for (int i = 0; i < itemValues.length; i += 2) {
      rows.add(RowFactory.create(EDITION, audit, itemValues[i], itemValues[i + 1]));
    }
  }
}
