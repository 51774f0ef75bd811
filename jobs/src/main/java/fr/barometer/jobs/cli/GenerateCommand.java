package fr.barometer.jobs.cli;

import fr.barometer.generator.GenerationSummary;
import fr.barometer.generator.GeneratorOptions;
import fr.barometer.generator.LandingGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILURE_LINE, ExitCodes.USAGE_LINE},
    footerHeading = "%nExample:%n",
    footer = {
      "  bin/barometer generate --out /tmp/landing --structures 300 --seed 2017",
      "  bin/barometer generate --out /tmp/landing-2016 --structures 300 --seed 2017 \\",
      "      --edition 2016 --registry-of 2017"
    },
    description = "Write a synthetic landing folder on the real communes: same seed, same bytes.")
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "Landing folder to write.")
  Path out;

  @Option(names = "--structures", required = true, description = "Number of applicant structures.")
  int structures;

  @Option(
      names = "--seed",
      defaultValue = "2017",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--edition",
      defaultValue = "2017",
      description = "Edition year (default: ${DEFAULT-VALUE}).")
  int edition;

  @Option(
      names = "--survey-responses",
      description = "Survey responses to write (default: about 25 per participant).")
  Integer surveyResponses;

  @Option(
      names = "--registry-of",
      paramLabel = "YEAR",
      description =
          "Make --edition the edition before YEAR (--edition + 1) of the same registry: the"
              + " structures that --structures and --seed give for YEAR, less about 5%% first"
              + " registered in YEAR, plus a few that left after --edition (with ids YEAR does"
              + " not use); a reference/communes.csv of the edition's populations, one town hall"
              + " in another stratum; the previous grid (one item YEAR dropped, one it added, one"
              + " reweighted); YEAR's settings 52 weeks earlier; audits and survey drawn anew"
              + " (default: none, a registry of the edition's own).")
  Integer registryOf;

  @Override
  public Integer call() throws Exception {
    GenerationSummary summary =
        LandingGenerator.generate(
            out, new GeneratorOptions(structures, seed, edition, surveyResponses, registryOf));
    System.out.println("Landing folder written to " + out.toAbsolutePath());
    System.out.println(summary);
    return 0;
  }
}
