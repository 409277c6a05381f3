package org.fupin.registry.api;

import java.util.List;
import java.util.Optional;

import org.fupin.registry.model.Region;
import org.osgi.annotation.versioning.ProviderType;

/** The statistical division table the platform ships (NBS 2023, five levels). */
@ProviderType
public interface RegionDirectory {
    Optional<Region> find(String code);

    /** The children of a region sorted by code; the provinces for the empty code. */
    List<Region> children(String code);
}
