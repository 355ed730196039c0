package dev.sky4j.provision.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sky4j.catalog.Offer;
import dev.sky4j.provision.ClusterInfo;
import dev.sky4j.provision.NodeState;
import dev.sky4j.provision.ProvisionException;
import dev.sky4j.provision.ProvisionRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalCapacityAndPreemptionTest {
  private LocalCloudFixture cloud;

  @BeforeEach
  void setUp() throws Exception {
    cloud = new LocalCloudFixture("region-a.zone-1.nodes=1\nsimulated-gpus=H100:2\n");
  }

  @AfterEach
  void tearDown() throws Exception {
    cloud.close();
  }

  private static ProvisionRequest req(String cluster, String zone, boolean spot) {
    return new ProvisionRequest(cluster, "region-a", zone, "local-cpu", 1, spot, null, 0, Map.of());
  }

  @Test
  void aFullZoneGivesTheTypedCapacityErrorAndTheRegionFailsOverToItsOtherZone() throws Exception {
    cloud.provider.runInstances(req("first", "zone-1", false));
    assertThatThrownBy(() -> cloud.provider.runInstances(req("second", "zone-1", false)))
        .isInstanceOfSatisfying(ProvisionException.CapacityUnavailable.class, e -> {
          assertThat(e.region()).isEqualTo("region-a");
          assertThat(e.zone()).isEqualTo("zone-1");
          assertThat(e.getMessage()).contains("local/region-a/zone-1 has 0 of 1 node(s) free")
              .contains("try another zone or region");
        });
    ClusterInfo any = cloud.provider.runInstances(req("second", null, false));
    assertThat(any.zone()).isEqualTo("zone-2");
    assertThatThrownBy(() -> cloud.provider.runInstances(
            new ProvisionRequest("big", "region-a", "zone-2", "local-gpu-H100-8", 1, false, "H100", 8, Map.of())))
        .isInstanceOf(ProvisionException.CapacityUnavailable.class);
  }

  @Test
  void preemptingASpotNodeKillsItAndQueryShowsIt() throws Exception {
    cloud.provider.runInstances(req("spotty", "zone-1", true));
    cloud.provider.waitInstances("spotty", Duration.ofSeconds(30));
    assertThat(cloud.provider.queryInstances("spotty")).containsEntry("node-0", NodeState.RUNNING);
    cloud.provider.preempt("spotty", null);
    assertThat(cloud.provider.queryInstances("spotty")).containsEntry("node-0", NodeState.TERMINATED);
    // a preempted node gives its capacity back
    cloud.provider.runInstances(req("next", "zone-1", false));
    cloud.provider.terminateInstances("next", false);
    assertThat(cloud.provider.getClusterInfo("next")).isEmpty();
  }

  @Test
  void onDemandNodesCannotBePreemptedAndUnknownTypesAreInvalid() throws Exception {
    cloud.provider.runInstances(req("steady", "zone-2", false));
    assertThatThrownBy(() -> cloud.provider.preempt("steady", null))
        .isInstanceOf(ProvisionException.InvalidRequest.class).hasMessageContaining("not a spot cluster");
    assertThatThrownBy(() -> cloud.provider.runInstances(
            new ProvisionRequest("x", "region-a", null, "m5.large", 1, false, null, 0, Map.of())))
        .isInstanceOf(ProvisionException.InvalidRequest.class).hasMessageContaining("local-cpu");
  }

  @Test
  void offersListSimulatedGpuTypesAtZeroPriceInEveryZone() {
    assertThat(cloud.provider.offers()).extracting(Offer::instanceType)
        .contains("local-cpu", "local-gpu-H100-1", "local-gpu-H100-2");
    assertThat(cloud.provider.offers()).allMatch(o -> o.price() == 0 && o.cloud().equals("local"));
    assertThat(cloud.provider.check().reason()).contains("H100 (simulated)");
  }
}
