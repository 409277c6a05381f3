package org.fupin.registry.api;

import java.util.List;

import org.fupin.registry.model.LocalizedText;

/** The outcome of a bulk registration. */
public record ImportSummary(long stored, long unchanged, long rejected, List<Problem> problems) {
    public ImportSummary {
        problems = List.copyOf(problems);
    }

    /** Why one household (by its index in the list) was not stored. */
    public record Problem(int index, String field, LocalizedText reason) {
    }
}
