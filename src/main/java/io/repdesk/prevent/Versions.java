package io.repdesk.prevent;

/** Orders version strings the way people do: 5.10 after 5.9, 5.2.1 after 5.2, 6 after 5.9-beta. */
final class Versions {

    private Versions() {
    }

    static int compare(String a, String b) {
        String[] x = a.strip().split("[^0-9A-Za-z]+");
        String[] y = b.strip().split("[^0-9A-Za-z]+");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d+") && q.matches("\\d+")
                    ? new java.math.BigInteger(p).compareTo(new java.math.BigInteger(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
