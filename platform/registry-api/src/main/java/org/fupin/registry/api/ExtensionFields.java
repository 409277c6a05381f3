package org.fupin.registry.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Household fields a bundle adds to the register, offered as a service and asked at each use: the program runtime
 * answers the fields of the programs running now. Values stay stored when their field is withdrawn; they can no
 * longer be set until a program declares the field again.
 */
@ConsumerType
public interface ExtensionFields {
    List<ExtensionField> fields();
}
