package fr.barometer.jobs.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.barometer.common.domain.ParisTime;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A report row as the {@link StructureReport} it holds, and the rows of the national tables as
 * plain maps: the one model behind the JSON files (Jackson) and the HTML and PDF documents
 * (FreeMarker), so they hold the same content.
 */
public final class ReportRows {
  /** Reads and writes the report model with the tables' snake_case names. */
  static final ObjectMapper JSON =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private ReportRows() {}

  /** A row of report_standard or report_personalized. */
  public static StructureReport toReport(Row row) {
    return as(row, StructureReport.class);
  }

  /** A row as the record of its table (names in snake_case, as the columns). */
  public static <T> T as(Row row, Class<T> type) {
    return JSON.convertValue(toMap(row), type);
  }

  private static Map<String, Object> toMap(Row row) {
    Map<String, Object> map = new LinkedHashMap<>();
    StructField[] fields = row.schema().fields();
    for (int i = 0; i < fields.length; i++) {
      map.put(fields[i].name(), value(row, i, fields[i].dataType()));
    }
    return map;
  }

  private static Object value(Row row, int i, DataType type) {
    if (row.isNullAt(i)) {
      return null;
    }
    if (type instanceof StructType) {
      return toMap(row.getStruct(i));
    }
    if (type instanceof ArrayType array) {
      List<Object> list = new ArrayList<>();
      for (Object element : row.getList(i)) {
        list.add(
            element instanceof Row nested && array.elementType() instanceof StructType
                ? toMap(nested)
                : element);
      }
      return list;
    }
    Object v = row.get(i);
    // Local Paris time, to the minute: what a reader of the report expects.
    return v instanceof Timestamp t
        ? t.toInstant()
            .atZone(ParisTime.ZONE)
            .toLocalDateTime()
            .withSecond(0)
            .withNano(0)
            .toString()
        : v;
  }
}
