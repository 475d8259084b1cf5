package org.aucl.data;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.aucl.util.FileTrees;
import org.aucl.util.UserException;

/**
 * Obtains a known dataset into {@code dataDir/NAME}: does nothing when it is already there (or in
 * /usr/share/datasets/NAME); for fashion-mnist, as root with apt-get, installs Debian's package
 * dataset-fashion-mnist; else downloads the published files ({@link FetchPlan}) with their MD5 checked and
 * extracts archives. Offline, it fails with one sentence saying which files to put where.
 */
public final class DatasetFetcher {
  private final List<Path> systemDirs;
  private final List<FetchPlan> plans;
  private final PrintWriter log;

  /** @param log where progress goes (the CLI's stderr), flushed after each message */
  public DatasetFetcher(PrintWriter log) {
    this(List.of(Datasets.SYSTEM_DIR), FetchPlan.ALL, log);
  }

  /** With other system directories and plans (tests: a local server and checksums of generated files). */
  DatasetFetcher(List<Path> systemDirs, List<FetchPlan> plans, PrintWriter log) {
    this.systemDirs = List.copyOf(systemDirs);
    this.plans = List.copyOf(plans);
    this.log = log;
  }

  /**
   * @param baseUrl a mirror to download from instead of the official site (null: official); when given,
   *     apt is not tried
   * @param useApt whether the Debian package may be installed (needs root and apt-get)
   * @return the located dataset
   */
  public DatasetSource fetch(String name, Path dataDir, String baseUrl, boolean useApt) {
    String key = name.trim().toLowerCase(java.util.Locale.ROOT);
    if (key.equals("synthetic") || key.startsWith("synthetic:")) {
      log.println("aucl: synthetic data is generated on demand; there is nothing to fetch.");
      return SyntheticSpec.parse(name.trim()).source();
    }
    String canonical = Datasets.canonicalName(key).orElseThrow(() -> new UserException("Unknown dataset '" + name
        + "': data fetch knows " + String.join(", ", plans.stream().map(FetchPlan::name).toList()) + "."));
    DatasetSource present = tryLocate(canonical, dataDir);
    if (present != null) {
      log.println("aucl: " + canonical + " is already present at " + present.location() + ".");
      return present;
    }
    FetchPlan plan = plans.stream().filter(p -> p.name().equals(canonical)).findFirst().orElseThrow(
        () -> new UserException("Dataset " + canonical + " cannot be fetched; place its files as docs/DATASETS.md describes."));
    if (baseUrl != null) {
      plan = plan.withBaseUrl(baseUrl);
    } else if (useApt && plan.debianPackage() != null && installDebianPackage(plan.debianPackage())) {
      DatasetSource installed = tryLocate(canonical, dataDir);
      if (installed != null) {
        log.println("aucl: installed the Debian package " + plan.debianPackage() + " at " + installed.location() + ".");
        return installed;
      }
    }
    download(plan, dataDir.resolve(canonical));
    DatasetSource fetched = tryLocate(canonical, dataDir);
    if (fetched == null) {
      throw new UserException("Fetched " + canonical + " into " + dataDir.resolve(canonical)
          + " but its files are not in the expected layout (see docs/DATASETS.md).");
    }
    log.println("aucl: " + canonical + " is ready at " + fetched.location() + ".");
    return fetched;
  }

  private DatasetSource tryLocate(String canonical, Path dataDir) {
    try {
      return Datasets.locate(canonical, dataDir, DatasetOptions.DEFAULTS, systemDirs);
    } catch (UserException e) {
      return null;
    }
  }

  private void download(FetchPlan plan, Path dir) {
    for (FetchPlan.Resource r : plan.files()) {
      Path target = dir.resolve(r.file());
      if (Downloader.verified(target, r.md5())) {
        log.println("aucl: " + target + " is already downloaded and verified.");
      } else {
        String url = plan.baseUrl() + r.file();
        try {
          Downloader.download(url, target, r.md5(), log);
        } catch (IOException e) {
          throw new UserException(offlineAdvice(plan, dir, url, e), e);
        }
      }
      if (plan.archive()) {
        extract(target, dir);
      }
    }
  }

  /** One sentence: what failed and exactly what to do without a network. */
  static String offlineAdvice(FetchPlan plan, Path dir, String url, Exception cause) {
    String files = String.join(", ", plan.fileNames());
    String what = plan.archive()
        ? "download " + files + " from " + plan.baseUrl() + " yourself and extract it into " + dir
        : "copy " + files + " (from " + plan.baseUrl() + ") into " + dir;
    String apt = plan.debianPackage() == null ? ""
        : ", or install the Debian package " + plan.debianPackage() + " (apt-get install " + plan.debianPackage() + ")";
    return "Cannot download " + url + " (" + cause + "); without network access, " + what + apt + ".";
  }

  private void extract(Path archive, Path dir) {
    Path tmp = dir.resolve(".extracting");
    try {
      FileTrees.delete(tmp);
      log.println("aucl: extracting " + archive);
      TarGzExtractor.extract(archive, tmp);
      try (Stream<Path> top = Files.list(tmp)) {
        for (Path p : top.toList()) {
          Path dest = dir.resolve(p.getFileName().toString());
          FileTrees.delete(dest);
          Files.move(p, dest, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      FileTrees.delete(tmp);
      Files.delete(archive);
    } catch (IOException e) {
      throw new UserException("Cannot extract " + archive + " into " + dir + ": " + e.getMessage() + ".", e);
    }
  }

  private boolean installDebianPackage(String pkg) {
    if (!isRoot() || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      return false;
    }
    log.println("aucl: installing the Debian package " + pkg + " with apt-get");
    if (run("apt-get", "install", "-y", "-q", pkg)) {
      return true;
    }
    log.println("aucl: apt-get install failed; running apt-get update and trying again");
    return run("apt-get", "update", "-q") && run("apt-get", "install", "-y", "-q", pkg);
  }

  private static boolean isRoot() {
    try {
      Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      return p.waitFor() == 0 && out.equals("0");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean run(String... command) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process p = pb.start();
      try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
        for (String line; (line = r.readLine()) != null; ) {
          log.println(line);
        }
      }
      log.flush();
      if (!p.waitFor(30, TimeUnit.MINUTES)) {
        p.destroy();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
