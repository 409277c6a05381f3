package org.fupin.registry.api;

/** A code-list value: its stable code is the enum constant's name; its label is for people. */
public interface Labelled {
    LocalizedText label();
}
