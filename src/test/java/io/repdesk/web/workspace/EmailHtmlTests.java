package io.repdesk.web.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailHtmlTests {

    @Test
    void dropsScriptsHandlersAndJavascriptLinksButKeepsTheText() {
        String safe = EmailHtml.sanitize("""
                <p onclick="steal()">Hello <b>there</b></p><script>document.title='owned'</script>
                <img src="x" onerror="alert(1)"><a href="javascript:alert(2)">click</a>
                <a href="https://lumen.example/help">help</a><iframe src="https://evil.example"></iframe>
                <style>body{display:none}</style><form action="https://evil.example"><input name="p"></form>
                """, cid -> null);

        assertThat(safe).contains("Hello <b>there</b>").contains("click")
                .contains("href=\"https://lumen.example/help\"").contains("nofollow").contains("noopener")
                .doesNotContain("script").doesNotContain("onerror").doesNotContain("onclick")
                .doesNotContain("javascript:").doesNotContain("iframe").doesNotContain("<form")
                .doesNotContain("display:none");
    }

    @Test
    void pointsInlineImagesAtTheirFilesAndDropsRemoteOnes() {
        String safe = EmailHtml.sanitize("""
                <img src="cid:shot@x" alt="shot"><img src="https://tracker.example/pixel.gif">
                <img src="data:image/png;base64,iVBORw0KGgo="><img src="cid:unknown@x">
                <table><tr><td colspan="2">cell</td></tr></table>
                """, cid -> cid.equals("shot@x") ? "/cases/RD-1/attachments/abc/0" : null);

        assertThat(safe).contains("src=\"/cases/RD-1/attachments/abc/0\"").contains("data:image/png;base64,")
                .doesNotContain("tracker.example").doesNotContain("cid:").contains("colspan=\"2\"");
    }
}
