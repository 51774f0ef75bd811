package fr.barometer.common.intervals;

import fr.barometer.common.SparkTestSession;
import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.io.Schemas;
import fr.barometer.common.score.Eligibility;
import fr.barometer.common.score.Scoring;
import fr.barometer.common.score.ScoringFixture;
import fr.barometer.common.score.ScoringInputs;
import fr.barometer.common.score.ScoringResult;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A small edition scored by the score step, for the bootstrap's Spark side: on {@link
 * ScoringFixture}'s grid (e-mail, phone, visit), 14 town halls of S2 and 7 post offices, each with
 * 1 to 5 e-mail and 1 to 4 phone audits answered at random, a few with the visit option; one town
 * hall ties another exactly.
 */
final class IntervalsFixture {
  private static final int EDITION = ScoringFixture.EDITION;

  private IntervalsFixture() {}

  /** The score tables, and the eligibility they were computed from. */
  record Edition(ScoringResult scores, Dataset<Row> eligibility, EditionConfig config) {
    ScoreIntervals.Inputs inputs() {
      return new ScoreIntervals.Inputs(
          scores.answerPoints(),
          scores.siteScores(),
          scores.siteChannelScores(),
          scores.structureScores(),
          eligibility,
          ScoringFixture.referentialItems());
    }
  }

  static Edition edition(int replicates) {
    EditionConfig config = ScoringFixture.config().withBootstrapReplicates(replicates);
    SplittableRandom random = new SplittableRandom(5);
    List<Row> structures = new ArrayList<>();
    List<Row> sites = new ArrayList<>();
    List<Row> audits = new ArrayList<>();
    List<Row> answers = new ArrayList<>();
    for (int s = 0; s < 21; s++) {
      boolean town = s < 14;
      String id = String.format("I%02d", s);
      structures.add(
          RowFactory.create(
              EDITION,
              id,
              "Structure " + id,
              town ? "ADMINISTRATION" : "POSTAL",
              town ? "MAIRIE" : "Bureau de poste",
              town ? "11111" : "22222",
              null,
              "ACCEPTED",
              "STANDARD",
              null));
      boolean visit = s % 5 == 0;
      sites.add(RowFactory.create(EDITION, id + "-M", id, "Site", "11111", true, visit));
      // I01 is I00 again: equal scores, reached along the same path, tie.
      SplittableRandom answersOf = s == 1 ? new SplittableRandom(1000) : random.split();
      if (s == 0) {
        answersOf = new SplittableRandom(1000);
      }
      int shape = s == 1 ? 0 : s;
      int emails = 1 + (shape % 5);
      int phones = 1 + (shape % 4);
      int a = 0;
      for (int e = 0; e < emails; e++) {
        String audit = id + "-A" + a++;
        boolean answered = answersOf.nextDouble() < 0.85;
        audits.add(audit(audit, id, "EMAIL", answered ? 1 + answersOf.nextInt(12) : -1));
        answers.add(answer(audit, "E1", answersOf.nextDouble() < 0.8 ? "YES" : "NO"));
        answers.add(answer(audit, "E3", String.valueOf(1 + answersOf.nextInt(4))));
        answers.add(answer(audit, "E4", pick(answersOf, "YES", "NO", "NA")));
      }
      for (int p = 0; p < phones; p++) {
        String audit = id + "-A" + a++;
        audits.add(audit(audit, id, "PHONE", -1));
        answers.add(answer(audit, "P1", String.valueOf(1 + answersOf.nextInt(9))));
        answers.add(answer(audit, "P2", pick(answersOf, "YES", "NO")));
      }
      if (visit) {
        for (int v = 0; v < 2; v++) {
          String audit = id + "-A" + a++;
          audits.add(audit(audit, id, "VISIT", -1));
          answers.add(answer(audit, "V1", String.valueOf(1 + answersOf.nextInt(4))));
          answers.add(answer(audit, "V2", pick(answersOf, "YES", "NO")));
        }
      }
    }
    var spark = SparkTestSession.get();
    Dataset<Row> eligibility =
        Eligibility.eligibility(
            spark.createDataFrame(structures, Schemas.STRUCTURES),
            ScoringFixture.communes(),
            ScoringFixture.epci(),
            config);
    ScoringResult scores =
        Scoring.score(
            new ScoringInputs(
                eligibility,
                spark.createDataFrame(sites, Schemas.SITES),
                ScoringFixture.referentialItems(),
                spark.createDataFrame(audits, Schemas.AUDITS),
                spark.createDataFrame(answers, Schemas.AUDIT_ANSWERS)),
            config);
    return new Edition(scores, eligibility, config);
  }

  private static String pick(SplittableRandom random, String... values) {
    return values[random.nextInt(values.length)];
  }

  /** An audit contacted on 4 September 2017, answered {@code days} later (never when negative). */
  private static Row audit(String id, String structure, String channel, int days) {
    Instant contacted = Instant.parse("2017-09-04T08:00:00Z");
    Timestamp answered = days < 0 ? null : Timestamp.from(contacted.plusSeconds(86_400L * days));
    return RowFactory.create(
        EDITION,
        id,
        structure,
        structure + "-M",
        channel,
        "SC01",
        "AUD01",
        Timestamp.from(contacted),
        answered,
        Timestamp.from(contacted),
        null,
        "audits/test.jsonl",
        1L);
  }

  private static Row answer(String audit, String item, String value) {
    return RowFactory.create(EDITION, audit, item, value);
  }
}
