package org.fupin.registry.model;

/** 劳动能力 — labour ability. */
public enum LabourAbility implements Labelled {
    ORDINARY("普通劳动力", "ordinary labour"),
    SKILLED("技能劳动力", "skilled labour"),
    LOST("丧失劳动力", "lost labour ability"),
    NONE("无劳动力", "no labour ability");

    private final LocalizedText label;

    LabourAbility(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
