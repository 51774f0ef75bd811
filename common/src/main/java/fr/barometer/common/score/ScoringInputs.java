package fr.barometer.common.score;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What scoring reads: the ingested tables (columns of {@link fr.barometer.common.io.Schemas}) and
 * the eligibility table of {@link Eligibility#eligibility}. Rows of other editions are ignored.
 */
public record ScoringInputs(
    Dataset<Row> eligibility,
    Dataset<Row> sites,
    Dataset<Row> referentialItems,
    Dataset<Row> audits,
    Dataset<Row> auditAnswers) {}
