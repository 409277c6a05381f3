package org.fupin.program.api;

import java.util.List;
import java.util.Optional;

import org.fupin.registry.model.LocalizedText;

/** A declarative form: the platform validates every submission against it and clients render it from this. */
public record Form(String id, LocalizedText title, List<Field> fields) {
    /** The id of the application form every program has. */
    public static final String APPLICATION = "application";

    public Form {
        fields = List.copyOf(fields);
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The field naming the household member the form is about, if it has one. */
    public Optional<Field> memberField() {
        return fields.stream().filter(f -> f.type() == FieldType.MEMBER).findFirst();
    }
}
