package fr.barometer.common.transform;

import java.util.Arrays;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Small helpers for the Spark Java API. */
final class Columns {
  private Columns() {}

  /** Column names for an equi-join on same-named columns (kept once in the result). */
  static Seq<String> on(String... names) {
    return JavaConverters.asScalaBuffer(Arrays.asList(names)).toSeq();
  }
}
