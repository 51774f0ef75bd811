package fr.barometer.common.intervals;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.Channel;
import fr.barometer.common.domain.Measure;
import fr.barometer.common.domain.Scope;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * One task's share of the bootstrap: its rows are the answers' terms of whole peer groups ({@link
 * ScoreIntervals#answerTerms} but the task key), sorted by the structure's number, which follows
 * the peer group, then by audit. Each structure's replicates give its rows of score_intervals; each
 * peer group's barometer scores, replicate by replicate, its ranks; and every structure's
 * replicates add to the sums of its national barometer cells, written once the task's rows are
 * done. Peer groups are handled one at a time: a few thousand structures x B replicates.
 */
final class GroupTask implements MapPartitionsFunction<Row, Row>, Serializable {
  private static final long serialVersionUID = 1L;
  private static final Channel[] CHANNELS = Channel.values();

  /** What {@link ScoreIntervals#structureInfo} says of each structure. */
  record Info(
      String structureId,
      String mainSiteId,
      String peerGroup,
      String category,
      String stratum,
      String regionCode,
      boolean complete)
      implements Serializable {
    Cells cells() {
      return new Cells(category, stratum, regionCode);
    }
  }

  /** The category, stratum and region that decide a structure's cells (each may be null). */
  record Cells(String category, String stratum, String regionCode) {}

  private final Slots slots;
  private final EditionConfig config;
  private final Broadcast<Pools> pools;

  /** The structures, by number. */
  private final Broadcast<Info[]> structures;

  GroupTask(
      Slots slots, EditionConfig config, Broadcast<Pools> pools, Broadcast<Info[]> structures) {
    this.slots = slots;
    this.config = config;
    this.pools = pools;
    this.structures = structures;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> rows) {
    return new Output(rows);
  }

  /** The task's output, computed a peer group at a time as it is read. */
  private final class Output implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final ArrayDeque<Row> ready = new ArrayDeque<>();
    private final StructureReplicates replicates = new StructureReplicates(slots, config);
    private final Map<String, CellMeans> cells = new LinkedHashMap<>();
    private final Map<Cells, CellMeans[]> alike = new LinkedHashMap<>();
    private final double[] scratch = new double[config.bootstrapReplicates()];
    private Row pending;
    private boolean cellsWritten;

    Output(Iterator<Row> rows) {
      this.rows = rows;
      this.pending = rows.hasNext() ? rows.next() : null;
    }

    @Override
    public boolean hasNext() {
      while (ready.isEmpty()) {
        if (pending != null) {
          nextGroup();
        } else if (!cellsWritten) {
          cellsWritten = true;
          writeCells();
          if (ready.isEmpty()) {
            return false;
          }
        } else {
          return false;
        }
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    /** Reads one peer group's rows and queues its output. */
    private void nextGroup() {
      Info[] all = structures.value();
      String group = all[pending.getInt(0)].peerGroup();
      List<Info> members = new ArrayList<>();
      List<Double> published = new ArrayList<>();
      List<double[]> overall = new ArrayList<>();
      while (pending != null && Objects.equals(group, all[pending.getInt(0)].peerGroup())) {
        int number = pending.getInt(0);
        Info info = all[number];
        List<AuditSums> audits = new ArrayList<>();
        while (pending != null && pending.getInt(0) == number) {
          audits.add(audit());
        }
        replicates.compute(info.structureId(), audits, pools.value());
        CellMeans[] cellSums =
            alike.computeIfAbsent(info.cells(), k -> new CellMeans[slots.size() + 1]);
        slotRows(info.structureId(), group, cellSums);
        members.add(info);
        published.add(replicates.identityOverall());
        overall.add(replicates.overall().clone());
        addToCells(cellSums, slots.size(), replicates.overall());
      }
      overallRows(group, members, published, overall);
    }

    /** One audit's sums, from its consecutive rows (one per answer). */
    private AuditSums audit() {
      int number = pending.getInt(0);
      String auditId = pending.getString(1);
      AuditSums.Builder audit = new AuditSums.Builder(slots, auditId, CHANNELS[pending.getInt(2)]);
      while (pending != null
          && number == pending.getInt(0)
          && auditId.equals(pending.getString(1))) {
        ScoreIntervals.addTerms(audit, pending, 3);
        pending = rows.hasNext() ? rows.next() : null;
      }
      return audit.build();
    }

    /** The rows of every channel, step and criterion the structure has a score on. */
    private void slotRows(String id, String group, CellMeans[] cellSums) {
      for (int s = 0; s < slots.size(); s++) {
        double value = replicates.identity(s);
        if (Double.isNaN(value)) {
          continue;
        }
        String measure = slots.measure(s);
        // One audit's score has no interval worth giving (docs/decisions.md): only its number of
        // replicates with a value is.
        double[] values = replicates.values(s);
        Interval interval = replicates.audits(s) > 1 ? replicates.interval(s, scratch) : null;
        int counted = interval != null ? interval.replicates() : Interval.numbers(values);
        ready.add(ScoreIntervals.structureRow(id, group, measure, value, interval, counted, null));
        addToCells(cellSums, s, values);
      }
    }

    private void overallRows(
        String group, List<Info> members, List<Double> published, List<double[]> overall) {
      int n = members.size();
      double[] scores = new double[n];
      double[][] perReplicate = new double[n][];
      boolean[] complete = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = published.get(i);
        perReplicate[i] = overall.get(i);
        complete[i] = members.get(i).complete();
      }
      PeerGroupRanks.Standing[] standings = PeerGroupRanks.of(scores, perReplicate, complete);
      for (int i = 0; i < n; i++) {
        if (Double.isNaN(scores[i])) {
          continue;
        }
        Interval interval = Interval.of(perReplicate[i], scratch);
        ready.add(
            ScoreIntervals.structureRow(
                members.get(i).structureId(),
                group,
                Measure.OVERALL.text(),
                scores[i],
                interval,
                count(interval),
                standings[i]));
      }
    }

    private int count(Interval interval) {
      return interval == null ? 0 : interval.replicates();
    }

    /**
     * Adds a structure's replicates of one measure (a slot, or the barometer score after the last
     * slot) to the sums of the structures that share its category, stratum and region ({@code
     * sums}, per measure); {@link #writeCells} then adds those to the four cells each belongs to,
     * once per task rather than once per structure.
     */
    private void addToCells(CellMeans[] sums, int measure, double[] values) {
      if (sums[measure] == null) {
        if (Interval.numbers(values) == 0) {
          return;
        }
        sums[measure] = new CellMeans(config.bootstrapReplicates());
      }
      sums[measure].add(values);
    }

    private String measure(int index) {
      return index == slots.size() ? Measure.OVERALL.text() : slots.measure(index);
    }

    private CellMeans cell(Scope scope, String value, String measure) {
      return cells.computeIfAbsent(
          scope.name() + "\u0000" + value + "\u0000" + measure,
          k -> new CellMeans(config.bootstrapReplicates()));
    }

    private void writeCells() {
      alike.forEach(
          (key, sums) -> {
            for (int m = 0; m < sums.length; m++) {
              if (sums[m] == null) {
                continue;
              }
              String measure = measure(m);
              cell(Scope.NATIONAL, Scope.FRANCE, measure).add(sums[m]);
              if (key.category() != null) {
                cell(Scope.CATEGORY, key.category(), measure).add(sums[m]);
              }
              if (key.stratum() != null) {
                cell(Scope.STRATUM, key.stratum(), measure).add(sums[m]);
              }
              if (key.regionCode() != null) {
                cell(Scope.REGION, key.regionCode(), measure).add(sums[m]);
              }
            }
          });
      alike.clear();
      cells.forEach(
          (key, sums) -> {
            String[] parts = key.split("\u0000", -1);
            ready.add(ScoreIntervals.cellRow(parts[0], parts[1], parts[2], sums));
          });
      cells.clear();
    }
  }
}
