package dev.sky4j.client.dto;

/**
 * Command-line flags that override the YAML ({@code --gpus}, {@code --cpus}, ...). Null means the
 * flag was not given. {@code infra} is SkyPilot's {@code cloud/region/zone} form.
 */
public record TaskOverrides(
    String name,
    String workdir,
    Integer numNodes,
    String gpus,
    String cpus,
    String memory,
    Integer diskSize,
    String infra,
    Boolean useSpot,
    String instanceType) {
  public static final TaskOverrides NONE =
      new TaskOverrides(null, null, null, null, null, null, null, null, null, null);
}
