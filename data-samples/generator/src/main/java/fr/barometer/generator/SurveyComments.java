package fr.barometer.generator;

import java.util.List;

/**
 * What citizens type in the survey's free-text box: short opinions, sometimes with a semicolon,
 * quotes or a line break, and now and then their own e-mail address or phone number, which the
 * pipeline must mask. Phone numbers are drawn from the ranges ARCEP reserves for fiction and
 * addresses from example domains, so no real person can be reached through the sample.
 */
final class SurveyComments {
  private static final List<String> POSITIVE =
      List.of(
          "Accueil très agréable, merci.",
          "Personnel à l'écoute et efficace.",
          "Réponse rapide à ma demande.",
          "Rien à redire, tout s'est bien passé.",
          "Agent souriant et compétent.",
          "Démarche faite en ligne en quelques minutes, très pratique.");
  private static final List<String> NEUTRAL =
      List.of(
          "Correct dans l'ensemble.",
          "Accueil correct mais locaux vétustes.",
          "Bonne réponse mais il a fallu rappeler deux fois.");
  private static final List<String> NEGATIVE =
      List.of(
          "Attente beaucoup trop longue.", "Personne ne répond au téléphone.",
          "On m'a renvoyé d'un service à l'autre.",
              "Horaires d'ouverture inadaptés quand on travaille.",
          "Toujours pas de réponse à mon courrier.", "Le site internet n'est pas à jour.");
  private static final List<String> QUOTED =
      List.of(
          "L'agent m'a dit \"revenez demain\".",
          "Le site indique \"ouvert\" alors que c'était fermé.",
          "On m'a répondu \"ce n'est pas ici\" sans m'orienter.");
  private static final List<String> FIRST_NAMES =
      List.of(
          "marie",
          "jean",
          "nathalie",
          "pierre",
          "sophie",
          "michel",
          "isabelle",
          "nicolas",
          "camille",
          "karim");
  private static final List<String> LAST_NAMES =
      List.of(
          "martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand", "leroy",
          "moreau");

  private SurveyComments() {}

  /** A comment matching the respondent's mood (-1 unhappy .. 1 happy). */
  static String comment(double mood, Randoms random) {
    StringBuilder text = new StringBuilder(sentence(mood, random));
    double style = random.uniform();
    if (style < 0.15) {
      text.append(" ; ").append(sentence(mood, random).toLowerCase());
    } else if (style < 0.23) {
      text.append(' ').append(random.pick(QUOTED));
    } else if (style < 0.31) {
      text.append('\n').append(sentence(mood, random));
    }
    if (random.chance(0.08)) {
      text.append(' ').append(contactDetails(random));
    }
    return text.toString();
  }

  private static String sentence(double mood, Randoms random) {
    return random.pick(mood > 0.4 ? POSITIVE : mood < -0.4 ? NEGATIVE : NEUTRAL);
  }

  private static String contactDetails(Randoms random) {
    return switch (random.below(6)) {
      case 0 -> "Vous pouvez me rappeler au " + phone(random, " ", "06") + ".";
      case 1 -> "Mon numéro : " + internationalPhone(random);
      case 2 -> "Joignable au " + phone(random, ".", "06") + " après 18h.";
      case 3 -> "Écrivez-moi à " + email(random) + " svp.";
      case 4 -> "Contact : " + email(random) + " / " + phone(random, " ", "01");
      default -> "Merci de me répondre (" + email(random) + ").";
    };
  }

  /** "06 39 98 12 34", "06.39.98.12.34" or "01 99 00 12 34": ARCEP's fiction ranges. */
  private static String phone(Randoms random, String separator, String prefix) {
    String middle = prefix.equals("06") ? "39" + separator + "98" : "99" + separator + "00";
    return prefix
        + separator
        + middle
        + separator
        + twoDigits(random)
        + separator
        + twoDigits(random);
  }

  private static String internationalPhone(Randoms random) {
    return "+33 6 39 98 " + twoDigits(random) + " " + twoDigits(random);
  }

  private static String twoDigits(Randoms random) {
    return String.format("%02d", random.below(100));
  }

  private static String email(Randoms random) {
    String first = random.pick(FIRST_NAMES);
    String last = random.pick(LAST_NAMES);
    String local =
        random.chance(0.7)
            ? first + "." + last
            : first.charAt(0) + "." + last + random.between(1, 99);
    return local + "@" + random.pick("example.fr", "example.com", "example.org");
  }
}
