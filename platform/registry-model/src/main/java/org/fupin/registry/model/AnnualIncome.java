package org.fupin.registry.model;

import java.math.BigDecimal;

/**
 * 家庭收入 of one year, in yuan. The four income kinds and the production costs are entered; {@code total},
 * {@code net} and {@code perCapitaNet} are computed by the registry (and ignored on input):
 * total = wage + business + transfer + property; net = total − productionCost;
 * perCapitaNet = net / household size, rounded half-up to the fen — the figure tested against the poverty line.
 */
public record AnnualIncome(int year, BigDecimal wage, BigDecimal business, BigDecimal transfer, BigDecimal property,
        BigDecimal productionCost, BigDecimal total, BigDecimal net, BigDecimal perCapitaNet) {

    public AnnualIncome withDerived(BigDecimal newTotal, BigDecimal newNet, BigDecimal newPerCapitaNet) {
        return new AnnualIncome(year, wage, business, transfer, property, productionCost, newTotal, newNet,
                newPerCapitaNet);
    }
}
