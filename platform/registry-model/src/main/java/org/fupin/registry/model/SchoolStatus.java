package org.fupin.registry.model;

/** 在校生状况 — schooling. */
public enum SchoolStatus implements Labelled {
    PRESCHOOL("学前", "preschool"),
    PRIMARY("小学", "primary school"),
    JUNIOR_SECONDARY("初中", "junior secondary"),
    SENIOR_SECONDARY("高中", "senior secondary"),
    SECONDARY_VOCATIONAL("中职", "secondary vocational"),
    HIGHER_VOCATIONAL("高职", "higher vocational"),
    UNDERGRADUATE("本科及以上", "undergraduate or above"),
    NOT_IN_SCHOOL("非在校生", "not in school");

    private final LocalizedText label;

    SchoolStatus(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
