package org.fupin.registry.csv;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a list or a report is asked for as: JSON, or a download for Excel as CSV or XLSX. */
public enum TableFormat {
    JSON("application/json"), CSV("text/csv"), XLSX(XlsxTableWriter.MEDIA_TYPE);

    private final String mediaType;

    TableFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /**
     * The {@code format} parameter when given ({@code json}, {@code csv} or {@code xlsx}, any case; empty when it
     * is none of them); without it, the first accepted media type ({@code type/subtype}, most wanted first) that
     * is one of the three, and JSON when none is.
     */
    public static Optional<TableFormat> of(String parameter, List<String> accepted) {
        if (parameter != null && !parameter.isBlank()) {
            try {
                return Optional.of(valueOf(parameter.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        for (String type : accepted) {
            if (type.startsWith("*/") || type.equals("application/*")) {
                return Optional.of(JSON);
            }
            for (TableFormat format : values()) {
                if (format.mediaType.equalsIgnoreCase(type)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.of(JSON);
    }
}
