package org.fupin.registry.internal;

import java.util.List;

import org.fupin.registry.api.ValidationException;
import org.fupin.registry.api.Violation;

final class Violations {
    private Violations() {
    }

    static void throwIfAny(List<Violation> problems) {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }
}
