package dev.sky4j.optimizer;

import dev.sky4j.catalog.AcceleratorInfo;
import dev.sky4j.catalog.AcceleratorHosts;
import dev.sky4j.catalog.Catalog;
import dev.sky4j.catalog.KnownAccelerators;
import dev.sky4j.catalog.Offer;
import dev.sky4j.spec.AcceleratorRequest;
import dev.sky4j.spec.Amount;
import dev.sky4j.spec.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The first stage of optimizing one candidate: which catalog offers have the asked shape
 * (accelerator, instance type, cpus, memory), wherever they are. Where none do, says why.
 */
final class ShapeFilter {
  /** SkyPilot's default node when nothing is asked: 8+ vCPUs with at least 4 GiB per vCPU. */
  static final Amount DEFAULT_CPUS = Amount.atLeast(8);
  static final Amount DEFAULT_MEMORY = new Amount(4, false, true);

  /** Offers (cheapest first, possibly from several accelerators) or the reason there are none. */
  record Match(List<Offer> offers, String reason, Offer cheapestRejected) {}

  private final Catalog catalog;

  ShapeFilter(Catalog catalog) {
    this.catalog = catalog;
  }

  Match match(Resources r) {
    List<Offer> base;
    AcceleratorRequest acc = r.accelerator();
    if (acc != null) {
      Optional<String> problem = Optional.empty();
      if (acc.isMemoryForm()) {
        base = new ArrayList<>();
        for (AcceleratorInfo info : catalog.accelerators()) {
          if (memoryFits(acc, info)) {
            base.addAll(AcceleratorHosts.offers(catalog, info.name(), acc.count()));
          }
        }
        if (base.isEmpty()) {
          problem = Optional.of("no accelerator in the catalog matches " + acc);
        }
      } else {
        Optional<AcceleratorInfo> info = catalog.accelerator(acc.name());
        base = AcceleratorHosts.offers(catalog, acc.name(), acc.count());
        if (info.isEmpty() && KnownAccelerators.find(acc.name()).isPresent()) {
          problem = Optional.of(acc.name() + " has no offer in this catalog (SkyPilot lists it on "
              + String.join(", ", KnownAccelerators.find(acc.name()).get().clouds())
              + "); run 'sky show-gpus' to list the GPUs it offers");
        } else if (info.isEmpty()) {
          problem = Optional.of("accelerator '" + acc.name() + "' is not in the catalog"
              + didYouMean(acc.name()) + "; run 'sky show-gpus' to list GPUs");
        } else if (base.isEmpty()) {
          problem = Optional.of(info.get().name() + ":" + AcceleratorRequest.formatCount(acc.count())
              + " is not offered; " + info.get().name() + " comes in counts "
              + info.get().counts().stream().map(AcceleratorRequest::formatCount)
                  .collect(Collectors.joining(", ")));
        }
      }
      if (problem.isPresent()) {
        return new Match(List.of(), problem.get(), null);
      }
      if (r.instanceType() != null) {
        List<Offer> typed = base.stream()
            .filter(o -> o.instanceType().equalsIgnoreCase(r.instanceType())).toList();
        if (typed.isEmpty()) {
          return new Match(typed, "instance type '" + r.instanceType() + "' does not carry "
              + acc, base.get(0));
        }
        base = typed;
      }
    } else if (r.instanceType() != null) {
      base = catalog.offersForInstanceType(null, r.instanceType());
      if (base.isEmpty()) {
        return new Match(base, "instance type '" + r.instanceType() + "' is not in the catalog",
            null);
      }
    } else {
      base = cpuOffers();
      if (r.cpus() == null && r.memory() == null) {
        return new Match(fit(base, DEFAULT_CPUS, DEFAULT_MEMORY), null, null);
      }
    }
    List<Offer> fitting = fit(base, r.cpus(), r.memory());
    if (fitting.isEmpty()) {
      return new Match(fitting, "no " + Plans.what(r.withAccelerator(acc)) + " offer has "
          + shape(r), base.isEmpty() ? null : base.get(0));
    }
    return new Match(fitting, null, null);
  }

  private List<Offer> cpuOffers() {
    List<Offer> out = new ArrayList<>();
    for (String cloud : catalog.clouds()) {
      out.addAll(catalog.cpuOffers(cloud));
    }
    return out;
  }

  private static List<Offer> fit(List<Offer> offers, Amount cpus, Amount memory) {
    if (cpus == null && memory == null) {
      return offers;
    }
    List<Offer> out = new ArrayList<>();
    for (Offer o : offers) {
      if ((cpus == null || cpus.accepts(o.vcpus(), o.vcpus()))
          && (memory == null || memory.accepts(o.memoryGib(), o.vcpus()))) {
        out.add(o);
      }
    }
    return out;
  }

  private static boolean memoryFits(AcceleratorRequest acc, AcceleratorInfo info) {
    if (Double.isNaN(info.memoryGib())) {
      return false;
    }
    if (acc.vendor() != null && !acc.vendor().equalsIgnoreCase(info.vendor())) {
      return false;
    }
    double want = acc.memoryGib();
    return acc.memoryOrMore() ? info.memoryGib() + 1e-9 >= want
        : Math.abs(info.memoryGib() - want) < 0.5;
  }

  private String didYouMean(String name) {
    List<String> close = AcceleratorNames.close(catalog, name, 5);
    return close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)";
  }

  static String shape(Resources r) {
    List<String> parts = new ArrayList<>();
    if (r.cpus() != null) {
      parts.add("cpus=" + Plans.amount(r.cpus()));
    }
    if (r.memory() != null) {
      parts.add("memory=" + Plans.amount(r.memory()));
    }
    return String.join(", ", parts);
  }
}
