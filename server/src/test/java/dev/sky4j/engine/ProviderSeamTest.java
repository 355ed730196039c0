package dev.sky4j.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sky4j.agent.local.LocalCloudDisk;
import dev.sky4j.agent.local.LocalNodes;
import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.Offer;
import dev.sky4j.client.dto.LaunchRequest;
import dev.sky4j.client.dto.RequestInfo;
import dev.sky4j.client.dto.TaskInput;
import dev.sky4j.paths.Sky4jPaths;
import dev.sky4j.provision.CheckResult;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.NodeState;
import dev.sky4j.provision.Provider;
import dev.sky4j.provision.ProviderFactory;
import dev.sky4j.provision.ProvisionException;
import dev.sky4j.provision.ProvisionRequest;
import dev.sky4j.provision.local.LocalProvider;
import dev.sky4j.requests.RequestLog;
import dev.sky4j.state.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider seam, with the real local cloud (node processes behind real SSH): a provider whose
 * clusters sit behind an SSH {@code ProxyCommand} is reached through it by the server's own
 * connections and by the generated SSH config; the bootstrap verb runs before the agent is
 * used; a field a cloud cannot honour is refused with its YAML path and what to do; the local
 * cloud is found through {@link ServiceLoader}.
 */
class ProviderSeamTest {
  @TempDir Path root;
  private Sky4jPaths paths;

  @AfterEach
  void cleanUp() throws Exception {
    if (paths != null) {
      for (String c : List.of("proxied", "imaged")) {
        for (Path h : new LocalCloudDisk(paths.sky4jHome()).nodeHomes(c)) {
          LocalNodes.killHard(h);
        }
      }
    }
  }

  @Test
  void theLocalCloudIsRegisteredAsAServiceAndSortsFirst() {
    List<ProviderFactory> fs = ServiceLoader.load(ProviderFactory.class).stream()
        .map(ServiceLoader.Provider::get).toList();
    assertThat(fs).extracting(ProviderFactory::cloud).contains("local");
    assertThat(fs.stream().filter(f -> f.cloud().equals("local")).findFirst().orElseThrow().order())
        .isZero();
  }

  @Test
  void aClusterBehindAProxyCommandIsReachedThroughIt() throws Exception {
    paths = Sky4jPaths.under(root);
    Files.createDirectories(paths.sky4jHome());
    Path used = root.resolve("proxy-used");
    // a real ProxyCommand: bash's /dev/tcp carries the bytes, and leaves a mark each time
    String proxy = "echo %h:%p >> " + used + "; exec bash -c 'exec 3<>/dev/tcp/%h/%p; "
        + "cat <&3 & exec cat >&3'";
    Proxied provider = new Proxied(new LocalProvider(paths), proxy);
    SkyService sky = new SkyService(paths.sky4jHome(),
        Database.open(paths.sky4jHome().resolve("state.db")),
        new Providers(Catalog.get(), List.of(provider)), new SshClusterAccess(paths));
    try {
      RequestInfo done = launch(sky, "proxied", "run: echo through-the-proxy\n");
      assertThat(done.status()).as(String.valueOf(done.error())).isEqualTo("SUCCEEDED");
      assertThat(Files.readString(sky.requestLog(done.id()))).contains("through-the-proxy");
      assertThat(provider.bootstrapped).isTrue();
      assertThat(Files.readString(used)).contains(":" ); // the server's SSH went through it
      String cfg = Files.readString(paths.generatedSshDir().resolve("proxied"));
      assertThat(cfg).contains("ProxyCommand " + proxy);
    } finally {
      sky.close();
    }
  }

  @Test
  void aFieldTheCloudCannotHonourIsRefusedWithItsPathAndANextStep() throws Exception {
    paths = Sky4jPaths.under(root);
    Files.createDirectories(paths.sky4jHome());
    SkyService sky = new SkyService(paths.sky4jHome(),
        Database.open(paths.sky4jHome().resolve("state.db")),
        new Providers(Catalog.get(), List.of(new LocalProvider(paths))), new SshClusterAccess(paths));
    try {
      RequestInfo done = launch(sky, "imaged",
          "resources:\n  infra: local\n  image_id: ami-0123456789abcdef0\nrun: echo hi\n");
      assertThat(done.status()).isEqualTo("FAILED");
      assertThat(done.error().toString()).contains("resources.image_id")
          .contains("remove image_id");
      assertThat(new LocalCloudDisk(paths.sky4jHome()).nodeHomes("imaged")).isEmpty();
    } finally {
      sky.close();
    }
  }

  private RequestInfo launch(SkyService sky, String name, String yaml) throws Exception {
    String id = sky.launch(new LaunchRequest(name, new TaskInput(yaml, "task.yaml",
        root.toString(), null, null, Map.of(), Map.of()), null, false, false, false, false));
    long deadline = System.currentTimeMillis() + 90_000;
    while (List.of("PENDING", "RUNNING").contains(sky.request(id).status())
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    return sky.request(id);
  }

  /** The real local cloud, reporting a proxy command for its clusters as a private VPC would. */
  private static final class Proxied implements Provider {
    private final LocalProvider local;
    private final String proxy;
    volatile boolean bootstrapped;

    Proxied(LocalProvider local, String proxy) {
      this.local = local;
      this.proxy = proxy;
    }

    @Override public String cloud() { return local.cloud(); }
    @Override public CheckResult check() { return local.check(); }
    @Override public List<Offer> offers() { return local.offers(); }
    @Override public java.util.Set<dev.sky4j.provision.Capability> capabilities() { return local.capabilities(); }
    @Override public ClusterInfo runInstances(ProvisionRequest r) throws ProvisionException { return with(local.runInstances(r)); }
    @Override public void waitInstances(String c, Duration t) throws ProvisionException { local.waitInstances(c, t); }
    @Override public Map<String, NodeState> queryInstances(String c) { return local.queryInstances(c); }
    @Override public void stopInstances(String c, boolean w) throws ProvisionException { local.stopInstances(c, w); }
    @Override public void terminateInstances(String c, boolean w) throws ProvisionException { local.terminateInstances(c, w); }
    @Override public Optional<ClusterInfo> getClusterInfo(String c) { return local.getClusterInfo(c).map(this::with); }

    @Override
    public void bootstrap(ClusterInfo c, RequestLog log) {
      bootstrapped = c.proxyCommand() != null;
    }

    private ClusterInfo with(ClusterInfo c) {
      return new ClusterInfo(c.cluster(), c.cloud(), c.region(), c.zone(), c.instanceType(),
          c.nodes(), c.sshUser(), c.privateKey(), proxy);
    }
  }
}
