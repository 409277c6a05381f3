package org.fupin.program.api;

import java.util.List;

/**
 * An eligibility verdict with its reasons: for an eligible household, why (e.g. which members may apply); for an
 * ineligible one, every rule that failed.
 */
public record Verdict(boolean eligible, List<Reason> reasons) {
    public Verdict {
        reasons = List.copyOf(reasons);
    }

    public static Verdict eligible(List<Reason> why) {
        return new Verdict(true, why);
    }

    public static Verdict ineligible(List<Reason> why) {
        return new Verdict(false, why);
    }
}
