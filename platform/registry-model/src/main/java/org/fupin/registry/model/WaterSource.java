package org.fupin.registry.model;

/** 饮水情况 — drinking water. */
public enum WaterSource implements Labelled {
    TAP("自来水", "tap water"),
    PROTECTED_WELL_OR_SPRING("受保护的井水和泉水", "protected well or spring"),
    UNPROTECTED_WELL_OR_SPRING("不受保护的井水和泉水", "unprotected well or spring"),
    RIVER_OR_LAKE("江河湖泊水", "river or lake water"),
    RAINWATER("收集雨水", "rainwater"),
    BOTTLED("桶装水", "bottled water"),
    OTHER("其他", "other");

    private final LocalizedText label;

    WaterSource(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
