package org.fupin.registry.model;

/** 主要/其他致贫原因 — cause of poverty. */
public enum Cause implements Labelled {
    ILLNESS("因病", "illness"),
    DISABILITY("因残", "disability"),
    EDUCATION("因学", "education costs"),
    DISASTER("因灾", "disaster"),
    LACK_OF_LAND("缺土地", "lack of land"),
    LACK_OF_WATER("缺水", "lack of water"),
    LACK_OF_SKILLS("缺技术", "lack of skills"),
    LACK_OF_LABOUR("缺劳力", "lack of labour"),
    LACK_OF_FUNDS("缺资金", "lack of funds"),
    POOR_TRANSPORT("交通条件落后", "poor transport"),
    LACK_OF_MOTIVATION("自身发展动力不足", "lack of motivation"),
    OTHER("其他", "other");

    private final LocalizedText label;

    Cause(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
