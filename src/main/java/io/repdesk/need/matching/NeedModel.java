package io.repdesk.need.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.repdesk.search.ContactIndex.LabelListener;
import io.repdesk.shared.NeedId;

/**
 * What this node has learned about each need from the contacts people confirmed: the running sum of
 * their vectors (the need's centroid) and how many there are. Learns from one example at once; a
 * correction moves the example from the old need to the new one.
 */
@Component
public class NeedModel implements LabelListener {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<NeedId, Prototype> prototypes = new HashMap<>();

    /** A need's learned centre: the sum of its confirmed vectors and their number. */
    public record Centroid(NeedId needId, float[] direction, int examples) {
    }

    private static final class Prototype {

        final float[] sum;
        int count;

        Prototype(int dimension) {
            sum = new float[dimension];
        }

        void add(float[] v, int sign) {
            for (int i = 0; i < v.length; i++) {
                sum[i] += sign * v[i];
            }
            count += sign;
        }
    }

    @Override
    public void reset() {
        lock.writeLock().lock();
        try {
            prototypes.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void confirmed(NeedId need, @Nullable NeedId previous, List<float[]> vectors) {
        lock.writeLock().lock();
        try {
            for (float[] v : vectors) {
                if (previous != null && prototypes.containsKey(previous)) {
                    Prototype old = prototypes.get(previous);
                    old.add(v, -1);
                    if (old.count <= 0) {
                        prototypes.remove(previous);
                    }
                }
                prototypes.computeIfAbsent(need, n -> new Prototype(v.length)).add(v, 1);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The centroids of every need with confirmed examples, as unit vectors. */
    public List<Centroid> centroids() {
        lock.readLock().lock();
        try {
            List<Centroid> list = new ArrayList<>(prototypes.size());
            prototypes.forEach((need, p) -> list.add(new Centroid(need, unit(p.sum), p.count)));
            return list;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many confirmed examples the need has. */
    public int examples(NeedId need) {
        lock.readLock().lock();
        try {
            Prototype p = prototypes.get(need);
            return p == null ? 0 : p.count;
        } finally {
            lock.readLock().unlock();
        }
    }

    private static float[] unit(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length && norm > 0; i++) {
            out[i] = v[i] / norm;
        }
        return out;
    }
}
