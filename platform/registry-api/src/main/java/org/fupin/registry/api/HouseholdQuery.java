package org.fupin.registry.api;

import org.fupin.registry.model.Cause;
import org.fupin.registry.model.HouseholdAttribute;
import org.fupin.registry.model.HouseholdStatus;

/**
 * A household search. Every criterion is optional; {@code region} is a code prefix at any level (62, 6205,
 * 620502, 620502100, or a village); {@code cause} matches the main or an other cause; {@code text} matches a
 * member's name (prefix) or ID number (exact, or prefix when at least 6 characters); {@code extensions} are
 * extension fields and the value each must have, written as in a query string ({@code housing.dangerGrade=D},
 * {@code true}, {@code 3}).
 *
 * @param page 0-based
 * @param size 1–500
 * @param sort one of {@link Sort}
 * @param paired {@code true}: households with a 帮扶责任人 now (a pairing not ended); {@code false}: those without
 *               one; {@code null}: either (since 2.4)
 */
public record HouseholdQuery(String region, HouseholdStatus status, HouseholdAttribute attribute, Cause cause,
        String text, int page, int size, Sort sort, java.util.Map<String, String> extensions, Boolean paired) {

    public static final int MAX_SIZE = 500;

    public enum Sort {
        VILLAGE, HEAD_NAME, UPDATED_DESC
    }

    public HouseholdQuery {
        sort = sort == null ? Sort.VILLAGE : sort;
        extensions = extensions == null ? java.util.Map.of() : java.util.Map.copyOf(extensions);
    }

    public HouseholdQuery(String region, HouseholdStatus status, HouseholdAttribute attribute, Cause cause,
            String text, int page, int size, Sort sort) {
        this(region, status, attribute, cause, text, page, size, sort, java.util.Map.of());
    }

    public HouseholdQuery(String region, HouseholdStatus status, HouseholdAttribute attribute, Cause cause,
            String text, int page, int size, Sort sort, java.util.Map<String, String> extensions) {
        this(region, status, attribute, cause, text, page, size, sort, extensions, null);
    }
}
