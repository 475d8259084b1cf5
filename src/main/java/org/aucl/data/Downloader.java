package org.aucl.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.aucl.util.UserException;

/**
 * Downloads one URL (http, https or file) to a file: written to {@code NAME.part} next to it, checked against
 * its MD5, then renamed. A failed or mismatching download leaves no file behind.
 */
final class Downloader {
  private static final int CONNECT_TIMEOUT_MS = 30_000;
  private static final int READ_TIMEOUT_MS = 120_000;

  private Downloader() {}

  /**
   * @throws IOException when the URL cannot be fetched (offline, not found); the caller words the advice
   * @throws UserException on an MD5 mismatch
   */
  static void download(String url, Path target, String md5, PrintWriter log) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path part = target.resolveSibling(target.getFileName() + ".part");
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
    log.println("aucl: downloading " + url);
    try {
      URLConnection conn = URI.create(url).toURL().openConnection();
      conn.setConnectTimeout(CONNECT_TIMEOUT_MS);
      conn.setReadTimeout(READ_TIMEOUT_MS);
      if (conn instanceof HttpURLConnection http) {
        int code = http.getResponseCode();
        if (code != 200) {
          throw new IOException("HTTP " + code + " " + http.getResponseMessage());
        }
      }
      long total = conn.getContentLengthLong();
      try (InputStream in = new DigestInputStream(conn.getInputStream(), digest);
          OutputStream out = Files.newOutputStream(part)) {
        copyWithProgress(in, out, total, log);
      }
      String actual = HexFormat.of().formatHex(digest.digest());
      if (!actual.equalsIgnoreCase(md5)) {
        Files.deleteIfExists(part);
        throw new UserException("Checksum mismatch for " + url + ": its MD5 is " + actual + " but should be " + md5
            + ", so the download was deleted (a broken mirror or a corrupted transfer; try again).");
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(part);
      throw e;
    }
  }

  /** Whether {@code file} exists and has MD5 {@code md5}. */
  static boolean verified(Path file, String md5) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("MD5");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        digest.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest()).equalsIgnoreCase(md5);
    } catch (IOException | NoSuchAlgorithmException e) {
      return false;
    }
  }

  private static void copyWithProgress(InputStream in, OutputStream out, long total, PrintWriter log)
      throws IOException {
    byte[] buf = new byte[1 << 16];
    long done = 0;
    long nextReport = 50L << 20;
    for (int n; (n = in.read(buf)) > 0; ) {
      out.write(buf, 0, n);
      done += n;
      if (done >= nextReport) {
        log.printf("aucl:   %d MB%s%n", done >> 20, total > 0 ? " of " + (total >> 20) + " MB" : "");
        nextReport += 50L << 20;
      }
    }
  }
}
