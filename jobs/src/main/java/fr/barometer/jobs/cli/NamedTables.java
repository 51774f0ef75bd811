package fr.barometer.jobs.cli;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableOrView;
import org.apache.spark.sql.catalyst.analysis.UnresolvedView;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ShowTableExtended;
import org.apache.spark.sql.catalyst.plans.logical.ShowTables;
import org.apache.spark.sql.catalyst.plans.logical.ShowViews;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import scala.Tuple2;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * The tables a SQL statement names, read from Spark's parse of it: the relations of its FROM
 * clauses, joins and subqueries, and of DESCRIBE and SHOW COLUMNS, without the names its WITH
 * clauses define. Only one-part names (a warehouse table's); lower case, as Spark matches them.
 */
final class NamedTables {
  private NamedTables() {}

  /**
   * The tables {@code sql} names; empty when it needs every table (SHOW TABLES or VIEWS). None for
   * a statement Spark's parser refuses: running it reports the parse error, without reading a table
   * first.
   */
  static Optional<Set<String>> in(SparkSession session, String sql) {
    LogicalPlan plan;
    try {
      plan = session.sessionState().sqlParser().parsePlan(sql);
    } catch (Exception e) {
      return Optional.of(Set.of());
    }
    if (plan instanceof ShowTables
        || plan instanceof ShowViews
        || plan instanceof ShowTableExtended) {
      return Optional.empty();
    }
    Set<String> names = new TreeSet<>();
    collect(plan, Set.of(), names);
    return Optional.of(names);
  }

  /** Adds the relations of {@code plan} and its subqueries not named by a WITH in {@code ctes}. */
  private static void collect(LogicalPlan plan, Set<String> ctes, Set<String> names) {
    if (plan instanceof UnresolvedWith with) {
      Set<String> scope = new HashSet<>(ctes);
      // A definition sees the ones before it; the query sees them all.
      for (Tuple2<String, SubqueryAlias> cte : list(with.cteRelations())) {
        collect(cte._2(), scope, names);
        scope.add(cte._1().toLowerCase(Locale.ROOT));
      }
      collect(with.child(), scope, names);
      return;
    }
    Seq<String> name = null;
    if (plan instanceof UnresolvedRelation r) {
      name = r.multipartIdentifier();
    } else if (plan instanceof UnresolvedTableOrView t) {
      name = t.multipartIdentifier();
    } else if (plan instanceof UnresolvedTable t) {
      name = t.multipartIdentifier();
    } else if (plan instanceof UnresolvedView v) {
      name = v.multipartIdentifier();
    }
    if (name != null && name.size() == 1) {
      String table = name.head().toLowerCase(Locale.ROOT);
      if (!ctes.contains(table)) {
        names.add(table);
      }
    }
    for (LogicalPlan child : list(plan.children())) {
      collect(child, ctes, names);
    }
    for (LogicalPlan subquery : list(plan.subqueries())) {
      collect(subquery, ctes, names);
    }
  }

  private static <T> java.util.List<T> list(Seq<T> seq) {
    return JavaConverters.seqAsJavaList(seq);
  }
}
