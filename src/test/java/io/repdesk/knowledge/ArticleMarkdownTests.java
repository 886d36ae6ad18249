package io.repdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleMarkdownTests {

    @Test
    void rendersMarkdownFormattingAndLinks() {
        String html = ArticleMarkdown.html("## Steps\n\n1. Tap **Settings**\n2. Read [the guide](https://example.com/g)");

        assertThat(html).contains("<h2>Steps</h2>").contains("<strong>Settings</strong>").contains("<ol>")
                .contains("href=\"https://example.com/g\"").containsPattern("rel=\"[a-z ]*nofollow[a-z ]*\"");
    }

    @Test
    void rendersRawHtmlScriptsAndHandlersInert() {
        String html = ArticleMarkdown.html("""
                <script>alert(1)</script>
                <img src=x onerror="alert(2)">
                <a href="javascript:alert(3)">click</a>
                [link](javascript:alert(4)) and [data](data:text/html;base64,PHNjcmlwdD4=)
                <iframe src="https://evil.example"></iframe><style>body{display:none}</style>
                """);

        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<iframe")
                .doesNotContain("<style").doesNotContain("<a href=\"javascript").doesNotContain("href=\"data:");
        assertThat(html).doesNotContainPattern("<[a-z]+[^>]*\\son[a-z]+=");
        // The raw HTML is shown as text, escaped, so the reader sees what was written.
        assertThat(html).contains("&lt;script&gt;");
    }

    @Test
    void plainTextDropsMarkup() {
        assertThat(ArticleMarkdown.text("**Tap** _Settings_ then Close")).isEqualTo("Tap Settings then Close");
    }
}
