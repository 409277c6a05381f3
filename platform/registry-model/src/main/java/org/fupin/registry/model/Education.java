package org.fupin.registry.model;

/** 文化程度 — education. */
public enum Education implements Labelled {
    ILLITERATE("文盲或半文盲", "illiterate or semi-literate"),
    PRIMARY("小学", "primary school"),
    JUNIOR_SECONDARY("初中", "junior secondary"),
    SENIOR_SECONDARY("高中", "senior secondary"),
    COLLEGE("大专及以上", "college or above");

    private final LocalizedText label;

    Education(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
