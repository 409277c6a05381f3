package org.fupin.registry.model;

/** 房屋结构 — house structure. */
public enum HouseStructure implements Labelled {
    REINFORCED_CONCRETE("钢筋混凝土", "reinforced concrete"),
    BRICK_CONCRETE("砖混", "brick and concrete"),
    BRICK_WOOD("砖瓦砖木", "brick, tile and wood"),
    CAVE_DWELLING("窑洞", "cave dwelling"),
    BAMBOO_THATCH_ADOBE("竹草土坯", "bamboo, thatch or adobe"),
    OTHER("其他", "other");

    private final LocalizedText label;

    HouseStructure(String zh, String en) {
        this.label = new LocalizedText(zh, en);
    }

    @Override
    public LocalizedText label() {
        return label;
    }
}
