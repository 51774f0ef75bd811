package fr.barometer.common.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiMaskingTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Appelez-moi au 06 12 34 56 78 svp|Appelez-moi au [telephone] svp",
        "mon numéro: +33 6 12 34 56 78.|mon numéro: [telephone].",
        "tel 06.12.34.56.78|tel [telephone]",
        "tel 0612345678 ou 01-23-45-67-89|tel [telephone] ou [telephone]",
        "+33612345678|[telephone]",
        "0033 6 12 34 56 78|[telephone]",
        "écrire à prenom.nom@example.fr merci|écrire à [email] merci",
        "Jean.Dupont+mairie@sous.domaine.gouv.fr|[email]",
        "a@b.fr ou 06 12 34 56 78|[email] ou [telephone]",
        "+33 (0)6 12 34 56 78|[telephone]",
        "R1;2017-10-02T09:13:00+02:00;0612345678;75056|R1;2017-10-02T09:13:00+02:00;[telephone];75056",
        "x@y.fr0612345678|[email][telephone]",
      })
  void masksEmailsAndFrenchPhones(String text, String masked) {
    assertEquals(masked, PiiMasking.mask(text));
  }

  @Test
  void leavesOrdinaryNumbersAlone() {
    assertEquals(
        "Attendu 45 minutes, dossier 2017-0042, code 75001",
        PiiMasking.mask("Attendu 45 minutes, dossier 2017-0042, code 75001"));
    // Nine digits and more, but no digit 1-9 followed by four pairs of digits: not a phone number.
    assertEquals(
        "R000017;2017-10-02T09:13:00+02:00;S0001;75056;3;4;1;2;3",
        PiiMasking.mask("R000017;2017-10-02T09:13:00+02:00;S0001;75056;3;4;1;2;3"));
    assertEquals(
        "06  12 34 56 78 et 06 12 34 56 7", PiiMasking.mask("06  12 34 56 78 et 06 12 34 56 7"));
    assertNull(PiiMasking.mask(null));
  }
}
