package org.fupin.registry.model;

/** 贫困户属性 — household attribute. */
public enum HouseholdAttribute implements Labelled {
    GENERAL("一般贫困户", "ordinary poor household"),
    SUBSISTENCE_ALLOWANCE("低保贫困户", "poor household on subsistence allowance (低保)"),
    EXTREME_POVERTY_SUPPORT("特困供养贫困户", "poor household in extreme-poverty support (特困)"),
    FIVE_GUARANTEES("五保户", "five-guarantees household (earlier forms)");

    private final LocalizedText label;

    HouseholdAttribute(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
