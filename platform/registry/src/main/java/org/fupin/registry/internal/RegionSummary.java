package org.fupin.registry.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.fupin.database.api.Database;
import org.fupin.registry.api.Actor;
import org.fupin.registry.model.Cause;
import org.fupin.registry.model.HouseholdStatus;
import org.fupin.registry.model.Region;

/**
 * The overview of a region's households, within the caller's scope: how many households and people there are in each
 * status (from the running counts per village and status, migration V3), by main cause of poverty, and how many
 * households exited poverty in each year, as their status history records it. Only exits the platform recorded as a
 * change from another status count: a household imported or registered as already exited has no known exit year.
 */
public final class RegionSummary {
    /** Households and people in one status. */
    public record StatusRow(HouseholdStatus status, long households, long people) {
    }

    /** Households and people whose main cause of poverty is {@code cause}. */
    public record CauseRow(Cause cause, long households, long people) {
    }

    /** The households that changed to exited (已脱贫) in a year, each counted once a year. */
    public record YearRow(int year, long households) {
    }

    public record Result(Region region, long households, long people, List<StatusRow> byStatus,
            List<CauseRow> byMainCause, List<YearRow> exitsByYear) {
    }

    private final Database database;

    RegionSummary(Database database) {
        this.database = database;
    }

    Result summarize(Region region, Actor actor) {
        String prefix = HouseholdSearch.narrowest(actor.scope(), region.code());
        String end = prefix + ":"; // every code with the prefix sorts below it (':' follows the digits)
        var statuses = new ArrayList<StatusRow>();
        var causes = new ArrayList<CauseRow>();
        var exits = new ArrayList<YearRow>();
        database.read(c -> {
            // household_count is kept per village and status by triggers (migration V3)
            try (PreparedStatement query = c.prepareStatement("SELECT status, sum(households), sum(people) "
                    + "FROM household_count WHERE village_code >= ? AND village_code < ? GROUP BY status "
                    + "HAVING sum(households) > 0")) {
                query.setString(1, prefix);
                query.setString(2, end);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        statuses.add(new StatusRow(HouseholdStatus.valueOf(rs.getString(1)), rs.getLong(2),
                                rs.getLong(3)));
                    }
                }
            }
            try (PreparedStatement query = c.prepareStatement("SELECT main_cause, count(*), sum(member_count) "
                    + "FROM household WHERE village_code >= ? AND village_code < ? GROUP BY main_cause")) {
                query.setString(1, prefix);
                query.setString(2, end);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        causes.add(new CauseRow(Cause.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3)));
                    }
                }
            }
            try (PreparedStatement query = c.prepareStatement("SELECT CAST(substr(s.date, 1, 4) AS INTEGER), "
                    + "count(DISTINCT s.household_id) FROM household h "
                    + "JOIN status_change s ON s.household_id = h.id "
                    + "WHERE h.village_code >= ? AND h.village_code < ? AND s.to_status = 'EXITED' "
                    + "AND s.from_status IS NOT NULL GROUP BY 1 ORDER BY 1")) {
                query.setString(1, prefix);
                query.setString(2, end);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        exits.add(new YearRow(rs.getInt(1), rs.getLong(2)));
                    }
                }
            }
            return null;
        });
        statuses.sort(Comparator.comparing(StatusRow::status));
        causes.sort(Comparator.comparing(CauseRow::cause));
        return new Result(region, statuses.stream().mapToLong(StatusRow::households).sum(),
                statuses.stream().mapToLong(StatusRow::people).sum(), statuses, causes, exits);
    }
}
