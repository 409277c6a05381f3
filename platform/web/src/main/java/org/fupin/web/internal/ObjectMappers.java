package org.fupin.web.internal;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one Jackson configuration of the API: ISO dates, strict numbers, bounded input. */
final class ObjectMappers {
    /** Deeper JSON than this is hostile, not data: no Fupin document nests more than a handful of levels. */
    static final int MAX_NESTING_DEPTH = 64;
    /** Characters in one JSON string: the longest Fupin text (a note, a reason) is a few thousand. */
    static final int MAX_STRING_LENGTH = 100_000;

    private ObjectMappers() {
    }

    static ObjectMapper api() {
        var mapper = JsonMapper.builder()
                // ServiceLoader-based module discovery finds nothing inside OSGi: register modules explicitly
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).maxStringLength(MAX_STRING_LENGTH)
                        .build());
        return mapper;
    }
}
