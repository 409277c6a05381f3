package org.fupin.registry.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.fupin.database.api.Database;
import org.fupin.registry.api.Actor;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Region;
import org.fupin.registry.model.RegionLevel;

/**
 * Households and people of a region, broken down by the regions one level (or more) below it: e.g. every
 * county of a province. Reads the running counts per village and status that triggers keep on every write
 * (migration V3), never the households themselves, so a province costs as little as its villages.
 */
public final class RegionCounts {
    /** One row: a region below the one asked for, with its counts. */
    public record Row(String code, String name, long households, long people) {
    }

    public record Result(Region region, RegionLevel by, HouseholdStatus status, long households, long people,
            List<Row> rows) {
    }

    private final Database database;
    private final SqlRegionDirectory regions;

    RegionCounts(Database database, SqlRegionDirectory regions) {
        this.database = database;
        this.regions = regions;
    }

    Result count(Region region, RegionLevel by, HouseholdStatus status, Actor actor) {
        String prefix = HouseholdSearch.narrowest(actor.scope(), region.code());
        int length = switch (by) {
            case PROVINCE -> 2;
            case CITY -> 4;
            case COUNTY -> 6;
            case TOWNSHIP -> 9;
            case VILLAGE -> 12;
        };
        var rows = new ArrayList<Row>();
        long[] totals = new long[2];
        database.read(c -> {
            // household_count is kept per village and status by triggers (migration V3)
            String sql = "SELECT substr(village_code, 1, ?), sum(households), sum(people) FROM household_count "
                    + "WHERE village_code >= ? AND village_code < ?" + (status == null ? "" : " AND status = ?")
                    + " GROUP BY 1 HAVING sum(households) > 0 ORDER BY 1";
            try (PreparedStatement query = c.prepareStatement(sql)) {
                query.setInt(1, length);
                query.setString(2, prefix);
                query.setString(3, prefix + ":");
                if (status != null) {
                    query.setString(4, status.name());
                }
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        String code = rs.getString(1);
                        String name = regions.find(code).map(Region::name).orElse(code);
                        rows.add(new Row(code, name, rs.getLong(2), rs.getLong(3)));
                        totals[0] += rs.getLong(2);
                        totals[1] += rs.getLong(3);
                    }
                }
            }
            return null;
        });
        return new Result(region, by, status, totals[0], totals[1], rows);
    }
}
