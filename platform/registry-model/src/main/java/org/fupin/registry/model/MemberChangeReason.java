package org.fupin.registry.model;

/** 人口变动原因 — why a member joined or left. */
public enum MemberChangeReason implements Labelled {
    BIRTH("出生", "birth"),
    DEATH("死亡", "death"),
    MARRIAGE_IN("婚入", "married in"),
    MARRIAGE_OUT("婚出", "married out"),
    SPLIT("分户", "household split"),
    OTHER("其他", "other");

    private final LocalizedText label;

    MemberChangeReason(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
