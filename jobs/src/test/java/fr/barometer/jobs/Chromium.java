package fr.barometer.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian package chromium) for the tests that look at a page as a reader's
 * browser draws it. Missing in CI (CI set): the test fails, saying how to install it; missing on a
 * developer's machine: the test is skipped.
 */
final class Chromium {
  private Chromium() {}

  /** What Chromium printed: the rendered DOM (stdout) and its log (stderr: console messages). */
  record Result(String dom, String log) {}

  static Path binary() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : new String[] {"chromium", "chromium-browser"}) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    String message =
        "chromium not found on PATH: install it with "
            + "'apt-get update && apt-get install -y --no-install-recommends chromium'";
    if (System.getenv("CI") != null) {
      fail(message);
    }
    Assumptions.assumeTrue(false, message);
    return null;
  }

  /** The DOM after rendering the file, with the browser's log. */
  static Result dumpDom(Path page) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", page.toUri().toString()));
  }

  static Result screenshot(Path page, Path png) throws IOException, InterruptedException {
    return run(
        List.of(
            "--screenshot=" + png,
            "--window-size=1200,2000",
            "--hide-scrollbars",
            page.toUri().toString()));
  }

  private static Result run(List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile");
    List<String> command =
        new ArrayList<>(
            List.of(
                binary().toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0"));
    command.addAll(args);
    Path stdout = Files.createTempFile("chromium", ".out");
    Path stderr = Files.createTempFile("chromium", ".err");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("chromium did not finish within 120 s: " + command);
    }
    String log = Files.readString(stderr, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), log);
    return new Result(Files.readString(stdout, StandardCharsets.UTF_8), log);
  }
}
