package dev.sky4j.spec.validate;

import dev.sky4j.spec.Diagnostic;
import dev.sky4j.spec.Severity;
import java.util.List;
import java.util.Set;

/**
 * Merges the catalog findings of a request's options ({@code any_of}/{@code ordered} items, the
 * accelerators of a set). As in SkyPilot's optimizer, a request can run when one option can: an
 * option that no bundled offer satisfies is then a warning naming it, and an error only when no
 * option is satisfiable. Naming mistakes (an unknown GPU, an unknown region) stay errors: they are
 * typos, not missing offers.
 */
final class OptionVerdicts {
  /** Findings that mean "the catalog has no offer for this option", not "this option is wrong". */
  static final Set<String> UNSATISFIABLE = Set.of("accelerator-count-unavailable",
      "accelerator-not-on-cloud", "accelerator-unavailable", "no-spot-offer",
      "max-hourly-cost-too-low", "instance-type-mismatch");
  /** A known GPU with no offer here: the option validates but cannot launch. */
  static final String NO_OFFER = "accelerator-no-offer";

  private OptionVerdicts() {}

  static void merge(List<CatalogChecks.Option> options, Findings out) {
    CatalogChecks.Option runnable = options.size() < 2 ? null
        : options.stream().filter(OptionVerdicts::satisfiable).findFirst().orElse(null);
    for (CatalogChecks.Option o : options) {
      for (Diagnostic d : o.findings.list()) {
        out.add(runnable != null && o != runnable && d.isError() && UNSATISFIABLE.contains(d.code())
            ? downgrade(d, o, runnable) : d);
      }
    }
  }

  private static boolean satisfiable(CatalogChecks.Option o) {
    return o.findings.list().stream().noneMatch(d -> d.isError() || d.code().equals(NO_OFFER));
  }

  private static Diagnostic downgrade(Diagnostic d, CatalogChecks.Option o, CatalogChecks.Option ok) {
    String msg = "Option " + o.label() + " cannot run: " + d.message() + " The task is still valid:"
        + " option " + ok.label() + " can, so this one is never chosen.";
    return new Diagnostic(Severity.WARNING, d.code(), msg, d.range(), d.jsonPath(), d.suggestions(),
        d.related());
  }
}
