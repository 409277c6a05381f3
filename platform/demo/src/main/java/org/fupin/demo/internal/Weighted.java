package org.fupin.demo.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/** A fixed list of values with relative weights; the caller supplies the random source, so draws are repeatable. */
final class Weighted<T> {
    private final List<T> values;
    private final double[] weights;
    private final double[] cumulative;

    private Weighted(List<T> values, List<Double> weights) {
        this.values = List.copyOf(values);
        this.weights = weights.stream().mapToDouble(Double::doubleValue).toArray();
        this.cumulative = new double[this.weights.length];
        double sum = 0;
        for (int i = 0; i < this.weights.length; i++) {
            sum += this.weights[i];
            cumulative[i] = sum;
        }
    }

    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    T pick(SplittableRandom random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (x < cumulative[middle]) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return values.get(low);
    }

    /** Up to {@code count} distinct values, none of them in {@code excluded}, each drawn by weight among the rest. */
    List<T> pickDistinct(SplittableRandom random, int count, Collection<T> excluded) {
        List<T> chosen = new ArrayList<>(count);
        while (chosen.size() < count) {
            double total = 0;
            for (int i = 0; i < values.size(); i++) {
                if (available(values.get(i), chosen, excluded)) {
                    total += weights[i];
                }
            }
            if (total == 0) {
                break;
            }
            double x = random.nextDouble() * total;
            for (int i = 0; i < values.size(); i++) {
                T value = values.get(i);
                if (available(value, chosen, excluded)) {
                    x -= weights[i];
                    if (x < 0) {
                        chosen.add(value);
                        break;
                    }
                }
            }
        }
        return chosen;
    }

    private static <T> boolean available(T value, List<T> chosen, Collection<T> excluded) {
        return !chosen.contains(value) && !excluded.contains(value);
    }

    static final class Builder<T> {
        private final List<T> values = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        /** Adds a value; a weight of 0 leaves it out. */
        Builder<T> add(T value, double weight) {
            if (weight < 0) {
                throw new IllegalArgumentException("weight must not be negative: " + weight);
            }
            if (weight > 0) {
                values.add(Objects.requireNonNull(value));
                weights.add(weight);
            }
            return this;
        }

        Weighted<T> build() {
            if (values.isEmpty()) {
                throw new IllegalStateException("no values");
            }
            return new Weighted<>(values, weights);
        }
    }
}
