package io.repdesk.search;

import java.util.List;

import io.repdesk.search.ArticleIndex.Fragment;

/** Marks the words of a text that match a query (as the index matches them, typos included), around the best passage. */
public interface Highlighter {

    /** A passage of at most about {@code maxChars} characters, with matched words as highlighted fragments. */
    List<Fragment> snippet(String text, String query, int maxChars);
}
