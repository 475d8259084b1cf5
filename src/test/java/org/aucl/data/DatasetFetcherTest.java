package org.aucl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.aucl.util.UserException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFetcherTest {
  @TempDir Path tmp;

  private HttpServer server;
  private final Map<String, byte[]> served = new HashMap<>();
  private final List<String> requests = new ArrayList<>();
  private final StringWriter log = new StringWriter();

  @BeforeEach
  void startServer() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      String file = ex.getRequestURI().getPath().substring("/mirror/".length());
      requests.add(file);
      byte[] body = served.get(file);
      if (body == null) {
        ex.sendResponseHeaders(404, -1);
      } else {
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      }
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/mirror/";
  }

  private DatasetFetcher fetcher(FetchPlan plan) {
    return new DatasetFetcher(List.of(tmp.resolve("no-system")), List.of(plan), new PrintWriter(log, true));
  }

  private static String md5(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
  }

  /** Serves a generated MNIST set and returns a plan with its true checksums. */
  private FetchPlan serveMnist() throws Exception {
    Path src = tmp.resolve("src");
    TestFiles.writeIdxSet(src, 6, true);
    List<FetchPlan.Resource> resources = new ArrayList<>();
    for (String f : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
        "t10k-labels-idx1-ubyte.gz")) {
      byte[] b = Files.readAllBytes(src.resolve(f));
      served.put(f, b);
      resources.add(new FetchPlan.Resource(f, md5(b)));
    }
    return new FetchPlan("mnist", "http://unused.invalid/", resources, false, null);
  }

  @Test
  void downloadsWithChecksumOkThenSkipsWhenPresent() throws Exception {
    FetchPlan plan = serveMnist();
    Path dataDir = tmp.resolve("data");
    DatasetSource src = fetcher(plan).fetch("mnist", dataDir, baseUrl(), false);
    assertEquals(dataDir.resolve("mnist").toString(), src.location());
    assertEquals(6, Datasets.open("mnist", "train", dataDir).size());
    try (Stream<Path> s = Files.list(dataDir.resolve("mnist"))) {
      assertFalse(s.anyMatch(p -> p.toString().endsWith(".part")));
    }
    assertEquals(4, requests.size());
    fetcher(plan).fetch("mnist", dataDir, baseUrl(), false);
    assertEquals(4, requests.size(), "a present dataset is not downloaded again");
    assertTrue(log.toString().contains("already present"));
  }

  @Test
  void checksumMismatchIsAnErrorAndLeavesNoFile() throws Exception {
    FetchPlan good = serveMnist();
    List<FetchPlan.Resource> bad = new ArrayList<>(good.files());
    bad.set(0, new FetchPlan.Resource(bad.get(0).file(), "00000000000000000000000000000000"));
    FetchPlan plan = new FetchPlan("mnist", good.baseUrl(), bad, false, null);
    Path dataDir = tmp.resolve("data");
    UserException e = assertThrows(UserException.class, () -> fetcher(plan).fetch("mnist", dataDir, baseUrl(), false));
    assertTrue(e.getMessage().contains("Checksum mismatch") && e.getMessage().contains("train-images-idx3-ubyte.gz"),
        e.getMessage());
    Path dir = dataDir.resolve("mnist");
    assertFalse(Files.exists(dir.resolve("train-images-idx3-ubyte.gz")));
    assertFalse(Files.exists(dir.resolve("train-images-idx3-ubyte.gz.part")));
  }

  @Test
  void unreachableServerGivesOfflineAdvice() throws Exception {
    FetchPlan plan = serveMnist();
    Path dataDir = tmp.resolve("data");
    String url = baseUrl();
    server.stop(0);
    UserException e = assertThrows(UserException.class, () -> fetcher(plan).fetch("mnist", dataDir, url, false));
    assertTrue(e.getMessage().contains("Cannot download") && e.getMessage().contains(dataDir.resolve("mnist").toString())
        && e.getMessage().contains("t10k-labels-idx1-ubyte.gz"), e.getMessage());
    assertFalse(Files.exists(dataDir.resolve("mnist").resolve("train-images-idx3-ubyte.gz.part")));
  }

  @Test
  void tarGzArchiveIsExtractedFromFileUrl() throws Exception {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bos))) {
      Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
      for (int b = 1; b <= 5; b++) {
        entries.put("cifar-10-batches-bin/data_batch_" + b + ".bin", TestFiles.cifarBatch(2, 1, 0));
      }
      entries.put("cifar-10-batches-bin/test_batch.bin", TestFiles.cifarBatch(3, 1, 0));
      for (Map.Entry<String, byte[]> en : entries.entrySet()) {
        TarArchiveEntry te = new TarArchiveEntry(en.getKey());
        te.setSize(en.getValue().length);
        tar.putArchiveEntry(te);
        tar.write(en.getValue());
        tar.closeArchiveEntry();
      }
    }
    byte[] archive = bos.toByteArray();
    Path mirror = Files.createDirectories(tmp.resolve("mirror"));
    Files.write(mirror.resolve("cifar-10-binary.tar.gz"), archive);
    FetchPlan plan = new FetchPlan("cifar10", "http://unused.invalid/",
        List.of(new FetchPlan.Resource("cifar-10-binary.tar.gz", md5(archive))), true, null);
    Path dataDir = tmp.resolve("data");
    fetcher(plan).fetch("cifar10", dataDir, mirror.toUri().toString(), false);
    assertEquals(10, Datasets.open("cifar10", "train", dataDir).size());
    assertFalse(Files.exists(dataDir.resolve("cifar10").resolve("cifar-10-binary.tar.gz")), "archive removed");
    assertFalse(Files.exists(dataDir.resolve("cifar10").resolve(".extracting")));
  }

  @Test
  void offlineAdviceNamesDebianPackageForFashionMnist() {
    FetchPlan plan = FetchPlan.forName("fashion-mnist").orElseThrow();
    String msg = DatasetFetcher.offlineAdvice(plan, Path.of("/d/fashion-mnist"), "http://x/y", new java.io.IOException("down"));
    assertTrue(msg.contains("dataset-fashion-mnist") && msg.contains("/d/fashion-mnist")
        && msg.contains("train-images-idx3-ubyte.gz"), msg);
  }
}
