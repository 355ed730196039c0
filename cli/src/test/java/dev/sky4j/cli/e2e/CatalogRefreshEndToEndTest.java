package dev.sky4j.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sky catalog refresh} against SkyPilot-layout files served by a real HTTP server on
 * 127.0.0.1 and from a folder, run as a separate CLI process with its own SKY4J_HOME.
 */
class CatalogRefreshEndToEndTest {
  static final String HEADER = "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,"
      + "GpuInfo,Price,SpotPrice,Region,AvailabilityZone\n";
  static final String AWS = HEADER
      + "m5.2xlarge,,,8,32,,0.384,0.1512,us-east-1,use1-az1\n"
      + "p4d.24xlarge,A100,8,96,1152,\"{'Gpus': [{'Name': 'A100', 'Manufacturer': 'NVIDIA', "
      + "'Count': 8, 'MemoryInfo': {'SizeInMiB': 40960}}], 'TotalGpuMemoryInMiB': 327680}\","
      + "12.34,5.67,us-east-1,use1-az2\n";
  static final String LAMBDA = HEADER + "gpu_1x_h100_pcie,H100,1,26,200,,2.49,,us-east-1,\n";

  @TempDir Path dir;
  HttpServer http;
  final Map<String, String> served = new ConcurrentHashMap<>();
  CliProcess cli;

  @BeforeEach
  void serve() throws IOException {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", ex -> {
      String body = served.get(ex.getRequestURI().getPath());
      byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : bytes.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(bytes);
      }
    });
    http.start();
    cli = new CliProcess(dir); // no server is started: nothing to close but the HTTP one
  }

  @AfterEach
  void stop() {
    http.stop(0);
  }

  String root() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/catalogs/v8";
  }

  CliProcess.Result sky(String... args) throws Exception {
    return cli.sky(dir, args);
  }

  /** Every file under the override folder with its content. */
  Map<String, String> snapshot() throws IOException {
    Map<String, String> out = new TreeMap<>();
    Path folder = cli.home.resolve("catalogs");
    if (!Files.isDirectory(folder)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(folder.relativize(p).toString(), Files.readString(p));
      }
    }
    return out;
  }

  @Test
  void refreshFromHttpInstallsTheFilesAndShowsTheNewDateWithoutTheStaleHint() throws Exception {
    CliProcess.Result before = sky("show-gpus");
    assertThat(before.out()).startsWith("Catalog 2026-05-20")
        .contains("Hint: the catalog is").contains("run `sky catalog refresh`");
    served.put("/catalogs/v8/aws/vms.csv", AWS);
    served.put("/catalogs/v8/lambda/vms.csv", LAMBDA);

    CliProcess.Result r = sky("catalog", "refresh", "--from", root(), "--cloud", "aws",
        "--cloud", "lambda");
    assertThat(r.code()).as(r.all()).isZero();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertThat(r.out()).contains("aws: 2 offers from " + root() + "/aws/vms.csv")
        .contains("Catalog refreshed: aws, lambda").contains("dated " + today);
    assertThat(Files.readString(cli.home.resolve("catalogs/catalog.properties")))
        .contains("date=" + today).contains("fetched_at=").contains("source=" + root());

    CliProcess.Result shown = sky("show-gpus", "A100:8", "--cloud", "aws");
    assertThat(shown.code()).as(shown.all()).isZero();
    assertThat(shown.out()).startsWith("Catalog " + today).doesNotContain("Hint:")
        .contains("p4d.24xlarge").contains("$ 12.340").contains("$ 5.670");
    // clouds left out of the refresh keep the bundled rows; the new name list knows lambda's H100
    assertThat(sky("show-gpus", "H100:8", "--cloud", "gcp").out()).contains("a3-highgpu-8g");
    assertThat(sky("show-gpus", "H100:1", "--cloud", "lambda").out()).contains("$ 2.490");
    assertThat(sky("catalog").out()).startsWith("Catalog " + today);
  }

  @Test
  void aBadFileLeavesTheInstalledCatalogUntouched() throws Exception {
    served.put("/catalogs/v8/aws/vms.csv", AWS);
    assertThat(sky("catalog", "refresh", "--from", root(), "--cloud", "aws").code()).isZero();
    Map<String, String> good = snapshot();
    assertThat(good).containsKeys("aws.csv", "catalog.properties", "accelerators.csv");

    // a price that is no price, on line 3
    served.put("/catalogs/v8/aws/vms.csv", AWS.replace("12.34", "-5"));
    CliProcess.Result r = sky("catalog", "refresh", "--from", root(), "--cloud", "aws");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("aws/vms.csv line 3").contains("Price -5 is not a sane hourly price")
        .contains("was left as it was").doesNotContain("Exception");
    assertThat(snapshot()).isEqualTo(good);

    // not a vms.csv at all, a missing file, and an empty one
    served.put("/catalogs/v8/aws/vms.csv", "<html>rate limited</html>\n");
    assertThat(sky("catalog", "refresh", "--from", root(), "--cloud", "aws").err())
        .contains("lacks column 'InstanceType'");
    assertThat(sky("catalog", "refresh", "--from", root(), "--cloud", "gcp").err())
        .contains("answered HTTP 404");
    served.put("/catalogs/v8/aws/vms.csv", HEADER);
    assertThat(sky("catalog", "refresh", "--from", root(), "--cloud", "aws").err())
        .contains("no priced row");
    // one bad cloud of two: neither is installed
    served.put("/catalogs/v8/lambda/vms.csv", LAMBDA.replace("2.49", "cheap"));
    served.put("/catalogs/v8/aws/vms.csv", AWS.replace("0.384", "0.5"));
    assertThat(sky("catalog", "refresh", "--from", root(), "--cloud", "aws", "--cloud", "lambda")
        .err()).contains("'cheap' is not a number");
    assertThat(snapshot()).isEqualTo(good);
  }

  @Test
  void refreshFromAFolderAndAnUnpricedTypeGetsItsPrice() throws Exception {
    Path src = dir.resolve("mirror");
    Files.createDirectories(src.resolve("aws"));
    Files.writeString(src.resolve("aws/vms.csv"), AWS);
    Path task = dir.resolve("task.yaml");
    Files.writeString(task, "resources:\n  infra: aws/us-east-1\n  instance_type: m5.2xlarge\nrun: x\n");
    assertThat(sky("validate", task.toString()).code()).isZero();

    CliProcess.Result r = sky("catalog", "refresh", "--from", src.toString(), "--cloud", "aws");
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.out()).contains("aws: 2 offers from " + src.resolve("aws/vms.csv"));
    assertThat(Files.readString(cli.home.resolve("catalogs/aws.csv")))
        .contains("aws,m5.2xlarge,,,8,32,,0.384,0.1512,us-east-1,use1-az1,");
    // m5.2xlarge now has a price; c7g still validates from the offerings AWS publishes
    Files.writeString(task, "resources:\n  infra: aws\n  instance_type: c7g.4xlarge\nrun: x\n");
    assertThat(sky("validate", task.toString()).code()).isZero();
    assertThat(sky("catalog", "refresh", "--from", dir.resolve("nowhere").toString(), "--cloud",
        "aws").err()).contains("does not exist (expected <DIR>/<cloud>/vms.csv)");
  }
}
