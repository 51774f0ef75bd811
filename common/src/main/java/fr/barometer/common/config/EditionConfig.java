package fr.barometer.common.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.barometer.common.domain.BarometerException;
import fr.barometer.common.domain.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of one campaign, read from {@code edition.json}. Every number of the campaign is
 * here, never a constant in code. The project ships the 2017 campaign's file as the default; a
 * landing folder's own {@code edition.json} replaces it.
 */
public record EditionConfig(
    int edition,
    LocalDate registrationClose,
    Map<Channel, DateWindow> windows,
    Map<Channel, Integer> quotas,
    Map<Channel, Double> channelWeights,
    long minCommunePopulation,
    long minEpciPopulation,
    List<Long> strata,
    int kAnonymity,
    int surveyMinResponses,
    Prices prices,
    double vatRate,
    int bootstrapReplicates)
    implements Serializable {

  public static final String FILE_NAME = "edition.json";

  /** Bootstrap replicates of the score intervals when edition.json does not set them. */
  public static final int DEFAULT_BOOTSTRAP_REPLICATES = 1000;

  /** Settings without {@code bootstrap_replicates}: the default number of replicates. */
  public EditionConfig(
      int edition,
      LocalDate registrationClose,
      Map<Channel, DateWindow> windows,
      Map<Channel, Integer> quotas,
      Map<Channel, Double> channelWeights,
      long minCommunePopulation,
      long minEpciPopulation,
      List<Long> strata,
      int kAnonymity,
      int surveyMinResponses,
      Prices prices,
      double vatRate) {
    this(
        edition,
        registrationClose,
        windows,
        quotas,
        channelWeights,
        minCommunePopulation,
        minEpciPopulation,
        strata,
        kAnonymity,
        surveyMinResponses,
        prices,
        vatRate,
        DEFAULT_BOOTSTRAP_REPLICATES);
  }

  public static final String DEFAULT_RESOURCE = "/fr/barometer/defaults/edition.json";

  /** The 2017 campaign's settings shipped in the jar. */
  public static EditionConfig defaults() {
    try (InputStream in = EditionConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return parse(in, "default " + FILE_NAME);
    } catch (IOException e) {
      throw BarometerException.cannotRead("default " + FILE_NAME, e.getMessage(), e);
    }
  }

  public static EditionConfig load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw BarometerException.cannotRead(file, e.getMessage(), e);
    }
  }

  /** Parses settings kept as JSON text, for example in the warehouse's edition_settings table. */
  public static EditionConfig parse(String json, String source) {
    return parse(
        new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        source);
  }

  /** Parses and validates; {@code source} names the file in error messages. */
  public static EditionConfig parse(InputStream in, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw BarometerException.cannotRead(
          source, "not valid JSON (" + BarometerException.firstLine(e) + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw BarometerException.cannotRead(source, "expected a JSON object");
    }
    Fields f = new Fields(root, source);
    JsonNode eligibility = f.object(root, "eligibility");
    JsonNode prices = f.object(root, "prices_eur_ht");
    EditionConfig config =
        new EditionConfig(
            f.integer(root, "edition"),
            f.date(root, "registration_close"),
            f.windows(),
            f.perChannel(f.object(root, "quotas"), "quotas", JsonNode::asInt),
            f.perChannel(f.object(root, "channel_weights"), "channel_weights", JsonNode::asDouble),
            f.number(eligibility, "eligibility.min_commune_population").longValue(),
            f.number(eligibility, "eligibility.min_epci_population").longValue(),
            f.strata(),
            f.integer(root, "k_anonymity"),
            f.integer(root, "survey_min_responses"),
            new Prices(
                f.number(prices, "prices_eur_ht.personalized_main_site").doubleValue(),
                f.number(prices, "prices_eur_ht.visits_per_site").doubleValue(),
                f.number(prices, "prices_eur_ht.additional_site").doubleValue(),
                f.number(prices, "prices_eur_ht.restitution").doubleValue(),
                f.number(prices, "prices_eur_ht.professional_audit").doubleValue()),
            f.number(root, "vat_rate").doubleValue(),
            f.optionalInteger(root, "bootstrap_replicates", DEFAULT_BOOTSTRAP_REPLICATES));
    if (config.bootstrapReplicates < 1) {
      throw BarometerException.invalid(source, "bootstrap_replicates", "must be at least 1");
    }
    for (Channel c : Channel.values()) {
      if (config.channelWeights.get(c) < 0) {
        throw BarometerException.invalid(source, "channel_weights." + c, "must not be negative");
      }
      if (config.quotas.get(c) < 0) {
        throw BarometerException.invalid(source, "quotas." + c, "must not be negative");
      }
    }
    return config;
  }

  public DateWindow window(Channel channel) {
    return windows.get(channel);
  }

  public int quota(Channel channel) {
    return quotas.get(channel);
  }

  public double channelWeight(Channel channel) {
    return channelWeights.get(channel);
  }

  /** The same settings with this number of bootstrap replicates. */
  public EditionConfig withBootstrapReplicates(int replicates) {
    return new EditionConfig(
        edition,
        registrationClose,
        windows,
        quotas,
        channelWeights,
        minCommunePopulation,
        minEpciPopulation,
        strata,
        kAnonymity,
        surveyMinResponses,
        prices,
        vatRate,
        replicates);
  }

  /** Reads required fields, each failure naming the file and the field. */
  private record Fields(JsonNode root, String source) {
    JsonNode required(JsonNode node, String path) {
      String name = path.substring(path.lastIndexOf('.') + 1);
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        throw BarometerException.invalid(source, path, "missing");
      }
      return value;
    }

    JsonNode object(JsonNode node, String path) {
      JsonNode value = required(node, path);
      if (!value.isObject()) {
        throw BarometerException.invalid(source, path, "expected an object");
      }
      return value;
    }

    Number number(JsonNode node, String path) {
      JsonNode value = required(node, path);
      if (!value.isNumber()) {
        throw BarometerException.invalid(source, path, "expected a number, found " + value);
      }
      return value.numberValue();
    }

    int integer(JsonNode node, String path) {
      JsonNode value = required(node, path);
      if (!value.canConvertToInt() || !value.isIntegralNumber()) {
        throw BarometerException.invalid(source, path, "expected a whole number, found " + value);
      }
      return value.asInt();
    }

    /** A whole number that may be left out: {@code otherwise} when absent or null. */
    int optionalInteger(JsonNode node, String path, int otherwise) {
      JsonNode value = node.get(path);
      return value == null || value.isNull() ? otherwise : integer(node, path);
    }

    LocalDate date(JsonNode node, String path) {
      return parseDate(required(node, path), path);
    }

    LocalDate parseDate(JsonNode value, String path) {
      try {
        return LocalDate.parse(value.asText());
      } catch (DateTimeParseException e) {
        throw BarometerException.invalid(
            source, path, "expected a date yyyy-MM-dd, found " + value);
      }
    }

    Map<Channel, DateWindow> windows() {
      JsonNode windows = object(root, "windows");
      Map<Channel, DateWindow> out = new EnumMap<>(Channel.class);
      for (Channel c : Channel.values()) {
        String path = "windows." + c;
        JsonNode pair = required(windows, path);
        if (!pair.isArray() || pair.size() != 2) {
          throw BarometerException.invalid(source, path, "expected [first, last] dates");
        }
        DateWindow w = new DateWindow(parseDate(pair.get(0), path), parseDate(pair.get(1), path));
        if (w.last().isBefore(w.first())) {
          throw BarometerException.invalid(source, path, "last date is before first date");
        }
        out.put(c, w);
      }
      return Collections.unmodifiableMap(out);
    }

    <T> Map<Channel, T> perChannel(
        JsonNode node, String name, java.util.function.Function<JsonNode, T> read) {
      Map<Channel, T> out = new EnumMap<>(Channel.class);
      for (Channel c : Channel.values()) {
        JsonNode value = required(node, name + "." + c);
        if (!value.isNumber()) {
          throw BarometerException.invalid(source, name + "." + c, "expected a number");
        }
        out.put(c, read.apply(value));
      }
      return Collections.unmodifiableMap(out);
    }

    List<Long> strata() {
      JsonNode node = required(root, "strata");
      if (!node.isArray() || node.isEmpty()) {
        throw BarometerException.invalid(source, "strata", "expected a list of population bounds");
      }
      List<Long> out = new ArrayList<>();
      for (JsonNode bound : node) {
        if (!bound.isIntegralNumber()) {
          throw BarometerException.invalid(source, "strata", "expected whole numbers");
        }
        if (!out.isEmpty() && bound.asLong() <= out.get(out.size() - 1)) {
          throw BarometerException.invalid(source, "strata", "bounds must be increasing");
        }
        out.add(bound.asLong());
      }
      return List.copyOf(out);
    }
  }
}
