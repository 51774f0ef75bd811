package fr.barometer.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.domain.Channel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditionConfigTest {

  @Test
  void defaultsAreThe2017Campaign() {
    EditionConfig c = EditionConfig.defaults();
    assertEquals(2017, c.edition());
    assertEquals(
        new DateWindow(LocalDate.of(2017, 7, 17), LocalDate.of(2017, 7, 21)),
        c.window(Channel.WEB));
    assertEquals(4, c.quota(Channel.EMAIL));
    assertEquals(2, c.quota(Channel.VISIT));
    assertEquals(List.of(3500L, 10000L, 20000L, 50000L, 100000L), c.strata());
    assertEquals(5, c.kAnonymity());
    assertEquals(30, c.surveyMinResponses());
    assertEquals(1100.0, c.prices().personalizedMainSite());
    assertEquals(0.20, c.vatRate());
  }

  @Test
  void bootstrapReplicatesAreOptional() throws java.io.IOException {
    assertEquals(1000, EditionConfig.defaults().bootstrapReplicates());
    String shipped;
    try (var in = EditionConfig.class.getResourceAsStream(EditionConfig.DEFAULT_RESOURCE)) {
      shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String without = shipped.replace(",\n  \"bootstrap_replicates\": 1000", "");
    assertTrue(!without.contains("bootstrap_replicates"));
    assertEquals(
        EditionConfig.DEFAULT_BOOTSTRAP_REPLICATES,
        EditionConfig.parse(without, "x/edition.json").bootstrapReplicates());
    assertEquals(
        200,
        EditionConfig.parse(shipped.replace(": 1000", ": 200"), "x/edition.json")
            .bootstrapReplicates());
    BarometerException e =
        assertThrows(
            BarometerException.class,
            () -> EditionConfig.parse(shipped.replace(": 1000", ": 0"), "x/edition.json"));
    assertEquals(
        "Invalid x/edition.json, field 'bootstrap_replicates': must be at least 1", e.getMessage());
  }

  @Test
  void windowsAreInclusive() {
    DateWindow w = EditionConfig.defaults().window(Channel.WEB);
    assertTrue(w.contains(LocalDate.of(2017, 7, 17)));
    assertTrue(w.contains(LocalDate.of(2017, 7, 21)));
    assertTrue(!w.contains(LocalDate.of(2017, 7, 22)));
  }

  @Test
  void missingFieldIsNamed() {
    String json = "{\"edition\": 2017}";
    BarometerException e =
        assertThrows(
            BarometerException.class,
            () ->
                EditionConfig.parse(
                    new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                    "x/edition.json"));
    assertEquals("Invalid x/edition.json, field 'eligibility': missing", e.getMessage());
  }

  @Test
  void brokenJsonIsOneLine() {
    BarometerException e =
        assertThrows(
            BarometerException.class,
            () ->
                EditionConfig.parse(
                    new ByteArrayInputStream("{oops".getBytes(StandardCharsets.UTF_8)), "e.json"));
    assertTrue(e.getMessage().startsWith("Cannot read e.json: not valid JSON"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"));
  }

  @Test
  void defaultGridCoversEveryChannelAndStep() {
    Referential grid = Referential.defaults();
    assertEquals(9, grid.criteria().size());
    for (Channel c : Channel.values()) {
      assertTrue(grid.itemsOf(c).size() >= 4, "items for " + c);
    }
    assertEquals(5.0, grid.item("EM03").orElseThrow().fullAt());
    assertTrue(grid.item("EM03").orElseThrow().isComputed());
    assertEquals(15, grid.scenarios().size());
  }
}
