package org.fupin.registry.model;

/** A code-list value: its stable code is the enum constant's name; its label is for people. */
public interface Labelled {
    LocalizedText label();
}
