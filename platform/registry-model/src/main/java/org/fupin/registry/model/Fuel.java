package org.fupin.registry.model;

/** 主要燃料类型 — fuel. */
public enum Fuel implements Labelled {
    FIREWOOD("柴草", "firewood and straw"),
    DUNG("干畜粪", "dried dung"),
    COAL("煤炭", "coal"),
    CLEAN_ENERGY("清洁能源", "clean energy (gas, electricity, solar)"),
    OTHER("其他", "other");

    private final LocalizedText label;

    Fuel(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
