package org.fupin.registry.model;

/** 健康状况 — health. */
public enum HealthStatus implements Labelled {
    HEALTHY("健康", "healthy"),
    CHRONIC_ILLNESS("长期慢性病", "long-term chronic illness"),
    SERIOUS_ILLNESS("患有大病", "serious illness"),
    DISABLED("残疾", "disabled");

    private final LocalizedText label;

    HealthStatus(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
