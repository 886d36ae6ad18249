package io.repdesk.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** The analyzed terms of a text, and how many typos each may carry and still match. */
final class QueryTerms {

    static final int MAX_TERMS = 32;

    private QueryTerms() {
    }

    /** A term with its place in the original text. */
    record Token(String term, int start, int end) {
    }

    static List<String> of(Analyzer analyzer, String field, String text) {
        LinkedHashSet<String> terms = new LinkedHashSet<>();
        for (Token t : tokens(analyzer, field, text)) {
            if (terms.size() >= MAX_TERMS) {
                break;
            }
            terms.add(t.term());
        }
        return List.copyOf(terms);
    }

    static List<Token> tokens(Analyzer analyzer, String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** Typos a term may carry: none for short words, one from four letters, two from eight. */
    static int edits(String term) {
        return term.length() >= 8 ? 2 : term.length() >= 4 ? 1 : 0;
    }

    /** Whether the two terms are within the typo allowance of the query term. */
    static boolean near(String queryTerm, String term) {
        if (queryTerm.equals(term)) {
            return true;
        }
        int allowed = edits(queryTerm);
        return allowed > 0 && Math.abs(queryTerm.length() - term.length()) <= allowed
                && queryTerm.charAt(0) == term.charAt(0) && distance(queryTerm, term) <= allowed;
    }

    /** Damerau–Levenshtein distance (adjacent swaps count once), as Lucene's fuzzy matching counts it. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
