package org.fupin.plugins.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads OSGi manifest headers such as {@code Import-Package} and {@code Provide-Capability}: clauses separated by
 * commas, each a name followed by {@code ;key=value} / {@code ;key:=value} parameters, values optionally quoted.
 */
final class ManifestClauses {
    /** One clause: its name (package or namespace) and its attributes and directives (directives keep their ':'). */
    record Clause(String name, Map<String, String> parameters) {
    }

    private ManifestClauses() {
    }

    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return clauses;
        }
        for (String clause : split(header, ',')) {
            List<String> parts = split(clause, ';');
            if (parts.isEmpty() || parts.get(0).isBlank()) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (String part : parts) {
                int equals = part.indexOf('=');
                if (equals < 0) {
                    names.add(part.strip());
                    continue;
                }
                String key = part.substring(0, equals).strip();
                String value = part.substring(equals + 1).strip();
                if (key.endsWith(":")) {
                    key = key.substring(0, key.length() - 1).strip() + ":";
                }
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                // typed attributes (name:Version=1.0) keep only their name
                int colon = key.indexOf(':');
                if (colon > 0 && colon < key.length() - 1) {
                    key = key.substring(0, colon);
                }
                parameters.put(key, value);
            }
            // "a;b;version=1" declares the same parameters for several names
            for (String name : names) {
                clauses.add(new Clause(name, parameters));
            }
        }
        return clauses;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().strip());
        return parts;
    }
}
