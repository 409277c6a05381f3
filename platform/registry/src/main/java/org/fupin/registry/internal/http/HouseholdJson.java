package org.fupin.registry.internal.http;

/**
 * A household as {@code GET /households/{id}} answers it: the representation as JSON and the version that is its
 * entity tag. Both ways a read is served (the resource and {@link HouseholdReadFilter}) answer with this.
 */
record HouseholdJson(String json, String version) {
    private static final String VERSION = "\"version\":";

    /** @param json a rendered household, which names its version right after its id */
    static HouseholdJson of(String json) {
        int start = json.indexOf(VERSION) + VERSION.length();
        return new HouseholdJson(json, json.substring(start, json.indexOf(',', start)));
    }

    /** The {@code ETag} header's value: a strong tag, as {@code jakarta.ws.rs.core.EntityTag} writes it. */
    String entityTag() {
        return '"' + version + '"';
    }
}
