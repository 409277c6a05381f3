package org.fupin.registry.model;

/** 性别 — sex. */
public enum Sex implements Labelled {
    MALE("男", "male"),
    FEMALE("女", "female");

    private final LocalizedText label;

    Sex(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
