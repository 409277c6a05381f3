package org.fupin.registry.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fupin.registry.api.ExtensionField;
import org.fupin.registry.api.ExtensionFields;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The household fields that running programs add now, asked of every {@link ExtensionFields} service at each use (a
 * provider's fields change as its programs come and go).
 */
@Component(service = ExtensionCatalog.class)
public class ExtensionCatalog {
    private final Set<ExtensionFields> providers = ConcurrentHashMap.newKeySet();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(ExtensionFields provider) {
        providers.add(provider);
    }

    void removeProvider(ExtensionFields provider) {
        providers.remove(provider);
    }

    /** Every field offered, by key; the first offer of a key wins (the program catalogue gives each id one program). */
    Map<String, ExtensionField> fields() {
        var byKey = new HashMap<String, ExtensionField>();
        providers.forEach(provider -> provider.fields().forEach(field -> byKey.putIfAbsent(field.key(), field)));
        return byKey;
    }
}
