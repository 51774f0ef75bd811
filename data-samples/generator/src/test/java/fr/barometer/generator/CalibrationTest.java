package fr.barometer.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated campaign should read like the real barometer once scored with the spec's rules: a
 * national mean near 67/100, 93% of calls taken within five rings, two letters in three answered
 * within a week, an answering machine in three services in four, structures spread with a standard
 * deviation of 8 to 10, and about 70% of survey answers satisfied.
 */
class CalibrationTest {
  static BarometerFigures figures;

  @BeforeAll
  static void score() throws Exception {
    figures = BarometerFigures.of(GeneratedLandings.standard().folder());
  }

  @Test
  void nationalMeanScoreIsAboutTwoThirds() {
    assertTrue(figures.meanScore() >= 64 && figures.meanScore() <= 71, figures.toString());
  }

  @Test
  void structuresDifferBySeveralPoints() {
    // One voicemail audit per site, a quarter of which score 0 (no answering machine), sets a
    // floor near 7 points; the structures' own quality adds the rest.
    assertTrue(figures.sdScore() >= 7 && figures.sdScore() <= 11, figures.toString());
    double spread = figures.percentile(0.9) - figures.percentile(0.1);
    assertTrue(spread >= 16 && spread <= 30, figures.toString());
  }

  @Test
  void mostCallsAreTakenWithinFiveRings() {
    assertTrue(
        figures.within5Rings() >= 0.88 && figures.within5Rings() <= 0.97, figures.toString());
  }

  @Test
  void twoLettersInThreeAreAnsweredWithinAWeek() {
    assertTrue(
        figures.lettersWithinAWeek() >= 0.57 && figures.lettersWithinAWeek() <= 0.76,
        figures.toString());
  }

  @Test
  void threeServicesInFourHaveAnAnsweringMachine() {
    assertTrue(
        figures.answeringMachineShare() >= 0.66 && figures.answeringMachineShare() <= 0.84,
        figures.toString());
  }

  @Test
  void surveySatisfactionIsNearSeventyPercent() {
    assertTrue(
        figures.satisfaction() >= 0.64 && figures.satisfaction() <= 0.76, figures.toString());
  }

  @Test
  void mostAcceptedStructuresAreScored() {
    assertTrue(figures.structureScores.size() >= 230, figures.toString());
  }
}
