package fr.barometer.common.ingest;

import fr.barometer.common.config.EditionConfig;
import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.io.Landing;
import fr.barometer.common.io.TextCheck;
import fr.barometer.common.io.TextFile;
import java.nio.charset.StandardCharsets;

/**
 * Every check a landing folder can fail at the door, made before anything is written: the settings
 * and the grid parse, each registry file is UTF-8 text with the columns its name promises, and each
 * export begins as UTF-8 text (a survey export with its columns). A bad row is not refused here: it
 * goes to quarantine during the run; a file that is not what its name says stops the run before the
 * warehouse is touched.
 */
public final class LandingCheck {
  /** How much of an export is looked at: its header and first lines. */
  private static final int HEAD = 64 * 1024;

  private LandingCheck() {}

  /** The edition's settings, once every check passed. */
  public static EditionConfig atTheDoor(Landing landing) {
    EditionConfig config = landing.edition();
    landing.referential();
    registry(landing, landing.registry(Landing.STRUCTURES), RegistryInputs.STRUCTURES_LAYOUT);
    registry(landing, landing.registry(Landing.SITES), RegistryInputs.SITES_LAYOUT);
    registry(landing, landing.registry(Landing.ORDERS), RegistryInputs.ORDERS_LAYOUT);
    registry(landing, landing.reference(Landing.COMMUNES), RegistryInputs.COMMUNES_LAYOUT);
    registry(landing, landing.reference(Landing.EPCI), RegistryInputs.EPCI_LAYOUT);
    for (String file : landing.surveys()) {
      export(landing, file, SurveyInput.LAYOUT);
    }
    for (String file : landing.audits()) {
      export(landing, file, null);
    }
    return config;
  }

  private static void registry(Landing landing, TextFile file, CsvStaging.Layout layout) {
    if (file == null || file.name().startsWith("shipped:")) {
      return;
    }
    String name = landing.display(file.name());
    byte[] bytes =
        file.text()
            .getBytes(file.validUtf8() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    TextCheck.binary(bytes)
        .ifPresent(
            why -> {
              throw refused(name, why);
            });
    header(name, file, layout, bytes);
  }

  private static void export(Landing landing, String file, CsvStaging.Layout layout) {
    String name = landing.display(file);
    byte[] head = landing.head(file, HEAD);
    TextCheck.binary(head)
        .ifPresent(
            why -> {
              throw refused(name, why);
            });
    if (layout != null) {
      header(name, TextFile.decode(name, head), layout, head);
    }
  }

  /** The header holds the layout's columns; when it does not, say too if the file is not UTF-8. */
  private static void header(String name, TextFile file, CsvStaging.Layout layout, byte[] bytes) {
    try {
      CsvInput.open(new TextFile(name, file.text(), true), layout.delimiter(), layout.columns());
    } catch (BarometerException e) {
      String encoding = TextCheck.problem(bytes, true).map(why -> "; " + why).orElse("");
      throw new BarometerException(e.getMessage() + encoding, e);
    }
  }

  private static BarometerException refused(String name, String why) {
    return BarometerException.cannotRead(
        name, why + "; save it as UTF-8 text, or put the right file in its place");
  }
}
