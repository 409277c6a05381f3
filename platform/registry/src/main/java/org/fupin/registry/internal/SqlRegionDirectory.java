package org.fupin.registry.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fupin.registry.api.RegionDirectory;
import org.fupin.registry.model.Region;
import org.fupin.registry.model.RegionLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * The division table. Provinces down to townships (about 44,700) are held in memory, so a region's path of
 * names costs no query; villages (620,000) are read from the database, the most recently used
 * {@value #CACHED_VILLAGES} of them kept in memory: every household written checks its village, and an import
 * brings thousands of households from the same few villages.
 */
@Component(service = {RegionDirectory.class, SqlRegionDirectory.class})
public class SqlRegionDirectory implements RegionDirectory {
    private record Row(String code, String name, int level, String parent) {
    }

    /** More than the villages of the largest province (山东, 62,073): about 16 MiB. */
    static final int CACHED_VILLAGES = 65_536;

    private final RegistryStore store;
    private final Map<String, Row> upperLevels;
    private final LoadingCache<String, Optional<Region>> villages;

    @Activate
    public SqlRegionDirectory(@Reference RegistryStore store) {
        this.store = store;
        this.upperLevels = store.database().read(c -> {
            var rows = new HashMap<String, Row>(64_000);
            try (var query = c.prepareStatement("SELECT code, name, level, parent FROM region WHERE level < 5");
                    ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)));
                }
            }
            return rows;
        });
        this.villages = Caffeine.newBuilder().maximumSize(CACHED_VILLAGES)
                .build(code -> Optional.ofNullable(village(code)).map(this::region));
    }

    @Override
    public Optional<Region> find(String code) {
        if (Region.levelOf(code).isEmpty()) {
            return Optional.empty();
        }
        if (code.length() == 12) {
            store.awaitVillages();
            return villages.get(code);
        }
        return Optional.ofNullable(upperLevels.get(code)).map(this::region);
    }

    /** Whether a 12-digit code is a village in the table (the check every household write makes). */
    public boolean isVillage(String code) {
        return code != null && code.length() == 12 && find(code).isPresent();
    }

    @Override
    public List<Region> children(String code) {
        if (code != null && code.length() == 9) {
            store.awaitVillages();
        }
        return store.database().read(c -> {
            String sql = code == null || code.isEmpty()
                    ? "SELECT code, name, level, parent FROM region WHERE level = 1 ORDER BY code"
                    : "SELECT code, name, level, parent FROM region WHERE parent = ? ORDER BY code";
            try (PreparedStatement query = c.prepareStatement(sql)) {
                if (code != null && !code.isEmpty()) {
                    query.setString(1, code);
                }
                var children = new ArrayList<Region>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        children.add(region(new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4))));
                    }
                }
                return children;
            }
        });
    }

    private Row village(String code) {
        return store.database().read(c -> {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT code, name, level, parent FROM region WHERE code = ?")) {
                query.setString(1, code);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? new Row(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)) : null;
                }
            }
        });
    }

    /** A village's region from its stored name and parent, with the path of names from memory. */
    Region village(String code, String name, String parent) {
        return region(new Row(code, name, 5, parent));
    }

    private Region region(Row row) {
        var path = new ArrayList<String>(5);
        String parent = row.parent();
        while (parent != null) {
            Row ancestor = upperLevels.get(parent);
            if (ancestor == null) {
                break;
            }
            path.add(0, ancestor.name());
            parent = ancestor.parent();
        }
        path.add(row.name());
        return new Region(row.code(), row.name(), RegionLevel.values()[row.level() - 1], row.parent(), path);
    }
}
