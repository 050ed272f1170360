#![cfg(not(target_arch = "wasm32"))]
//! A corpus of XSS payloads: none survives; ordinary server HTML keeps its meaning.

mod common;
use common::fixture;
use mvsep_web::safe_html::{safe_url, sanitize};

const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//x.test/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"x\" onerror=\"alert(1)\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"java\tscript:alert(1)\">x</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
    "<a href=\"&#x6A;avascript&colon;alert(1)\">x</a>",
    "<a href=\" javascript:alert(1)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "<input onfocus=alert(1) autofocus>",
    "<details open ontoggle=alert(1)>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<p style=\"position:fixed;top:0;left:0;width:100%;height:100%\">overlay</p>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<link rel=stylesheet href=javascript:alert(1)>",
    "<base href=\"javascript:alert(1)//\">",
    "<p onclick=alert(1) onmouseover=alert(1)>x</p>",
    "<<script>alert(1)//<</script>",
    "<scr<script>ipt>alert(1)</script>",
    "<a href=x onmouseover=alert(1)>x</a>",
    "<img src=\"https://x.test/a.png\"onerror=alert(1)>",
    "<img/src=x/onerror=alert(1)>",
    "<p title=\"</p><script>alert(1)</script>\">x</p>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<textarea><script>alert(1)</script></textarea>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<template><script>alert(1)</script></template>",
    "<a href=\"  &#x09;javascript:alert(1)\">x</a>",
    "\"><script>alert(1)</script>",
    "<video><source onerror=\"alert(1)\">",
    "<marquee onstart=alert(1)>",
    "<script",
    "<img src=x onerror=alert(1)",
    // Issue 10's list: srcset, formaction, entities without `;`, &NewLine;, NUL or U+2028
    // inside a scheme, and the `<!-->` comment that a browser ends at once.
    "<img srcset=\"javascript:alert(1) 1x, x 2x\" src=\"https://x.test/a.png\">",
    "<picture><source srcset=\"javascript:alert(1)\"><img src=x></picture>",
    "<button formaction=\"javascript:alert(1)\">x</button>",
    "<form><button formaction=javascript:alert(1)>x</button></form>",
    "<a href=\"&#106avascript:alert(1)\">x</a>",
    "<a href=\"&#x6A&#x61vascript&colon alert(1)\">x</a>",
    "<a href=\"java&NewLine;script:alert(1)\">x</a>",
    "<a href=\"java&Tab;script&colon;alert(1)\">x</a>",
    "<a href=\"java\u{0}script:alert(1)\">x</a>",
    "<a href=\"\u{0}javascript:alert(1)\">x</a>",
    "<a href=\"java\u{2028}script:alert(1)\">x</a>",
    "<a href=\"javascript\u{2028}:alert(1)\">x</a>",
    "<!--><img src=x onerror=alert(1)>-->",
    "<!---><img src=x onerror=alert(1)>",
    "<!--!><script>alert(1)</script>",
];

/// What must never appear in sanitised output.
fn dangerous(out: &str) -> Option<&'static str> {
    let l = out.to_ascii_lowercase();
    for bad in [
        "<script",
        "<iframe",
        "<svg",
        "<math",
        "<object",
        "<embed",
        "<style",
        "<form",
        "<input",
        "<meta",
        "<link",
        "<base",
        "<body",
        "<textarea",
        "<template",
        "<video",
        "<source",
        "<details",
        "<marquee",
        "<noscript",
        "javascript:",
        "vbscript:",
        "data:",
        "style=",
        "srcdoc",
    ] {
        if l.contains(bad) {
            return Some(bad);
        }
    }
    // Any attribute named on... inside a tag (outside quoted values).
    let mut in_tag = false;
    let mut quote: Option<char> = None;
    let mut prev_space = false;
    let chars: Vec<char> = l.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if in_tag => quote = Some(c),
            (None, '<') => in_tag = true,
            (None, '>') => in_tag = false,
            (None, 'o') if in_tag && prev_space && chars.get(i + 1) == Some(&'n') => {
                return Some("on* handler")
            }
            _ => {}
        }
        prev_space = quote.is_none() && (c.is_whitespace() || c == '/');
    }
    None
}

#[test]
fn the_detector_itself_catches_payloads() {
    let plain = |p: &&&str| {
        let l = p.to_ascii_lowercase();
        (l.contains("<script") || l.contains(" on") || l.contains("javascript:"))
            && !l.starts_with("<!--")
            && !l.contains("cdata")
    };
    let checked: Vec<_> = PAYLOADS.iter().filter(plain).collect();
    assert!(checked.len() > 20);
    for p in checked {
        assert!(
            dangerous(p).is_some(),
            "the raw payload {p:?} must be flagged"
        );
    }
}

#[test]
fn no_payload_survives() {
    for p in PAYLOADS {
        let out = sanitize(p);
        assert_eq!(dangerous(&out), None, "payload {p:?} gave {out:?}");
        // Sanitising is stable: the output is already safe.
        assert_eq!(sanitize(&out), out, "{p:?}");
    }
}

#[test]
fn ordinary_html_keeps_its_meaning() {
    assert_eq!(
        sanitize("<p>Hello <strong>world</strong> &amp; &laquo;you&raquo;</p>"),
        "<p>Hello <strong>world</strong> &amp; &laquo;you&raquo;</p>"
    );
    assert_eq!(sanitize("a < b & c > d"), "a &lt; b &amp; c &gt; d");
    assert_eq!(
        sanitize("<a href=\"../../../ru/demo?algorithm_id=36\">demo</a>"),
        "<a href=\"https://mvsep.com/ru/demo?algorithm_id=36\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">demo</a>"
    );
    assert!(sanitize("<a href=\"/faq/11\">faq</a>").contains("href=\"https://mvsep.com/faq/11\""));
    assert!(
        sanitize("<a href=\"https://arxiv.org/abs/2309.02539\">paper</a>")
            .contains("href=\"https://arxiv.org/abs/2309.02539\"")
    );
    assert_eq!(
        sanitize("<td style=\"width: 2%\" colspan=\"2\" onclick=\"x()\">1</td>"),
        "<td colspan=\"2\">1</td>"
    );
    assert_eq!(sanitize("<h1>Big</h1>"), "<h4>Big</h4>");
    assert_eq!(
        sanitize("<p>open <em>never closed"),
        "<p>open <em>never closed</em></p>"
    );
    assert_eq!(sanitize("</div>stray"), "stray");
    assert_eq!(safe_url("mailto:a@b.c").as_deref(), Some("mailto:a@b.c"));
    assert_eq!(safe_url("#top"), None);
}

#[test]
fn recorded_news_and_descriptions_stay_readable_and_safe() {
    let news: serde_json::Value = serde_json::from_str(&fixture("postman_news_200_2")).unwrap();
    for n in news.as_array().unwrap() {
        let html = n["text"].as_str().unwrap();
        let out = sanitize(html);
        assert_eq!(dangerous(&out), None);
        let text = |h: &str| {
            h.split('<')
                .map(|p| p.split_once('>').map(|(_, t)| t).unwrap_or(p))
                .collect::<String>()
                .split_whitespace()
                .count()
        };
        assert!(
            text(&out) * 10 >= text(html) * 9,
            "the words survive: {} of {}",
            text(&out),
            text(html)
        );
    }
    let algos: serde_json::Value =
        serde_json::from_str(&fixture("algorithms_2026_sample")).unwrap();
    for a in algos.as_array().unwrap() {
        for d in a["algorithm_descriptions"].as_array().unwrap() {
            let out = sanitize(d["long_description"].as_str().unwrap_or(""));
            assert_eq!(dangerous(&out), None);
            assert!(!out.contains("style="));
        }
    }
}

/// The one rule for addresses the service sends (result files, inputs, mirrors, demos, help
/// links): http(s) only, judged as a browser would read it.
#[test]
fn only_web_addresses_become_links_or_sources() {
    use mvsep_web::api::web_url::{web_url, web_url_on};
    for bad in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "\u{0}javascript:alert(1)",
        "data:audio/wav;base64,UklGRg==",
        "blob:https://x.test/1",
        "vbscript:x",
        "http://",
        "http:///x",
        "//x.test/a.wav",
        "/storage/a.wav",
        "",
    ] {
        assert_eq!(web_url(bad), None, "{bad:?}");
    }
    assert_eq!(
        web_url("  HTTPS://x.test/a.wav \n").as_deref(),
        Some("HTTPS://x.test/a.wav")
    );
    assert_eq!(
        web_url("ht\ttps://x.test/a\n.wav").as_deref(),
        Some("https://x.test/a.wav"),
        "what the browser would request"
    );
    // A path on the service's own host, as one answer gives it.
    assert_eq!(
        web_url_on("/storage/a.wav", "").as_deref(),
        Some("/storage/a.wav")
    );
    assert_eq!(
        web_url_on("/storage/a.wav", "https://de.mvsep.com/").as_deref(),
        Some("https://de.mvsep.com/storage/a.wav")
    );
    assert_eq!(web_url_on("//evil.test/a.wav", ""), None);
    assert_eq!(web_url_on("/\\evil.test/a.wav", ""), None);
    assert_eq!(web_url_on("javascript:alert(1)", "https://mvsep.com"), None);
}
