package fr.barometer.common.io;

import java.util.Arrays;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** Small helpers for the Spark Java API. */
public final class Columns {
  private Columns() {}

  /** Column names for an equi-join on same-named columns (kept once in the result). */
  public static Seq<String> on(String... names) {
    return JavaConverters.asScalaBuffer(Arrays.asList(names)).toSeq();
  }
}
