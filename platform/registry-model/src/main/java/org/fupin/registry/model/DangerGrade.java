package org.fupin.registry.model;

/** 危房等级 — safety grade of the house. */
public enum DangerGrade implements Labelled {
    NOT_ASSESSED("未鉴定", "not assessed"),
    A("A级", "grade A (safe)"),
    B("B级", "grade B (basically safe)"),
    C("C级", "grade C (partly dangerous)"),
    D("D级", "grade D (dangerous)");

    private final LocalizedText label;

    DangerGrade(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
