package org.fupin.registry.model;

/** 识别标准 — identification standard. */
public enum IdentificationStandard implements Labelled {
    NATIONAL("国家标准", "national standard"),
    PROVINCIAL("省定标准", "provincial standard"),
    MUNICIPAL("市定标准", "municipal standard");

    private final LocalizedText label;

    IdentificationStandard(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
