package io.repdesk.search.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.springframework.stereotype.Component;

import io.repdesk.search.ArticleIndex.Fragment;
import io.repdesk.search.Highlighter;

/**
 * Finds the passage of a text with the most query words (analyzed as the index analyzes them, so "cards"
 * marks "card" and "pasword" marks "password") and splits it into plain and highlighted fragments. The
 * fragments carry text only; pages escape it, so a query or article can never inject markup here.
 */
@Component
final class LuceneHighlighter implements Highlighter {

    private final Analyzer analyzer = new EnglishAnalyzer();

    @Override
    public List<Fragment> snippet(String text, String query, int maxChars) {
        String plain = Plain.of(text);
        List<String> wanted = QueryTerms.of(analyzer, "text", query);
        List<QueryTerms.Token> hits = new ArrayList<>();
        if (!wanted.isEmpty()) {
            for (QueryTerms.Token t : QueryTerms.tokens(analyzer, "text", plain)) {
                if (wanted.stream().anyMatch(w -> QueryTerms.near(w, t.term()))) {
                    hits.add(t);
                }
            }
        }
        int start = bestStart(plain, hits, maxChars);
        int end = Math.min(plain.length(), start + maxChars);
        end = wordEnd(plain, end);
        List<Fragment> fragments = new ArrayList<>();
        if (start > 0) {
            fragments.add(new Fragment("… ", false));
        }
        int at = start;
        for (QueryTerms.Token t : hits) {
            if (t.start() < at || t.end() > end) {
                continue;
            }
            if (t.start() > at) {
                fragments.add(new Fragment(plain.substring(at, t.start()), false));
            }
            fragments.add(new Fragment(plain.substring(t.start(), t.end()), true));
            at = t.end();
        }
        if (at < end) {
            fragments.add(new Fragment(plain.substring(at, end), false));
        }
        if (end < plain.length()) {
            fragments.add(new Fragment(" …", false));
        }
        return fragments;
    }

    /** Where the window of maxChars that holds the most hits starts, moved back to a word boundary. */
    private static int bestStart(String text, List<QueryTerms.Token> hits, int maxChars) {
        if (hits.isEmpty() || text.length() <= maxChars) {
            return 0;
        }
        int best = 0;
        int bestCount = -1;
        for (int i = 0; i < hits.size(); i++) {
            int from = Math.max(0, hits.get(i).start() - maxChars / 4);
            int count = 0;
            for (int j = i; j < hits.size() && hits.get(j).end() <= from + maxChars; j++) {
                count++;
            }
            if (count > bestCount) {
                bestCount = count;
                best = from;
            }
        }
        while (best > 0 && !Character.isWhitespace(text.charAt(best - 1))) {
            best--;
        }
        return best;
    }

    private static int wordEnd(String text, int end) {
        int at = end;
        while (at < text.length() && at < end + 20 && !Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** Article text as a reader sees it: Markdown markers and link targets left out, whitespace folded. */
    static final class Plain {

        private Plain() {
        }

        static String of(String markdown) {
            return markdown.replaceAll("\\]\\([^)]*\\)", "]")
                    .replaceAll("(?m)^\\s{0,3}(#{1,6}|>|[-*+]|\\d{1,9}[.)])\\s+", "")
                    .replaceAll("[*_`\\[\\]|]+", "")
                    .replaceAll("\\s+", " ").strip();
        }
    }
}
