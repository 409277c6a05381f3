package org.fupin.registry.model;

/** 户状态 — household status. */
public enum HouseholdStatus implements Labelled {
    POOR("未脱贫", "not yet out of poverty"),
    EXITED("已脱贫", "exited poverty"),
    RETURNED("返贫", "returned to poverty"),
    NEAR_POOR("边缘户", "near-poor"),
    MONITORED("脱贫监测户", "exited, monitored"),
    REMOVED("剔除", "removed (wrongly included)"),
    CLOSED("自然销户", "closed (household ended)");

    private final LocalizedText label;

    HouseholdStatus(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
