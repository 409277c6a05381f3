package org.fupin.registry.api;

import java.util.List;

import org.fupin.registry.model.LocalizedText;

/** The input breaks the registry's rules; nothing was stored. */
public class ValidationException extends RegistryException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(new LocalizedText("数据校验未通过（" + violations.size() + " 处）",
                "validation failed (" + violations.size() + " problem" + (violations.size() == 1 ? ")" : "s)")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
